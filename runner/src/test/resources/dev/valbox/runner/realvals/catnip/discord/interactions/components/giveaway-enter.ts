/**
 * Giveaway Enter Button Handler
 *
 * Handles button clicks on giveaway panels.
 * Adds users to the entrant list and updates the panel.
 * Panel embed is updated at most once every PANEL_UPDATE_INTERVAL_MS
 * to avoid rate-limiting under heavy traffic.
 *
 * File: discord/interactions/components/giveaway-enter.ts
 */

import { defineComponent } from "../define-component.ts";
import { kv } from "../../persistence/kv.ts";
import { discordBotFetch } from "../../discord-api.ts";
import { type GiveawayConfig, giveawayKey, buildGiveawayEmbed } from "../commands/giveaway.ts";

const PANEL_UPDATE_INTERVAL_MS = 5_000;
const MAX_ENTRANTS = 10_000;

export default defineComponent({
  customId: "giveaway-enter:",
  match: "prefix",
  type: "button",

  async execute({ customId, guildId, userId }) {
    let shouldUpdatePanel = false;
    let error: string | null = null;
    let alreadyEntered = false;
    const now = Date.now();

    const updated = await kv.update<GiveawayConfig>(giveawayKey(guildId), (config) => {
      if (!config || config.ended) {
        error = "This giveaway has ended.";
        return config!;
      }
      if (config.entrants.includes(userId)) {
        alreadyEntered = true;
        return config;
      }
      if (config.entrants.length >= MAX_ENTRANTS) {
        error = "This giveaway has reached the maximum number of entries.";
        return config;
      }
      config.entrants.push(userId);
      // Only flag a panel update if enough time has passed
      const lastUpdate = config.lastPanelUpdate ?? 0;
      if (now - lastUpdate >= PANEL_UPDATE_INTERVAL_MS) {
        config.lastPanelUpdate = now;
        shouldUpdatePanel = true;
      }
      return config;
    });

    if (error) return { success: false, error };
    if (alreadyEntered) {
      return { success: true, message: "You're already entered in this giveaway!" };
    }
    if (!updated || updated.ended) {
      return { success: false, error: "This giveaway has ended." };
    }

    // Update panel to reflect new entrant count (throttled)
    if (shouldUpdatePanel) {
      await discordBotFetch("PATCH", `channels/${updated.channelId}/messages/${updated.messageId}`, {
        embeds: [buildGiveawayEmbed(updated)],
      });
    }

    return { success: true, message: `You've entered the giveaway for **${updated.prize}**!` };
  },
});
