/**
 * Discord Webhook Logger
 * Replaces console.log with Discord webhook-based logging
 * to avoid Val Town's console logging limits
 */

import { send } from "./send.ts";
import { CONFIG } from "../constants.ts";

export type LogLevel = "debug" | "info" | "warn" | "error";

interface LogEntry {
  level: LogLevel;
  message: string;
  timestamp: number;
  context?: string;
}

interface LoggerConfig {
  webhookUrl: string | null;
  context: string;
  minLevel: LogLevel;
  batchIntervalMs: number;
  maxBatchSize: number;
  includeTimestamp: boolean;
  fallbackToConsole: boolean;
}

/** Redact known secret patterns (Bearer tokens, Bot tokens, webhook URLs). */
export function sanitize(text: string): string {
  return text
    .replace(/Bearer\s+[A-Za-z0-9._\-]+/gi, "Bearer [REDACTED]")
    .replace(/Bot\s+[A-Za-z0-9._\-]+/gi, "Bot [REDACTED]")
    .replace(/https:\/\/discord\.com\/api\/webhooks\/\d+\/[A-Za-z0-9._\-]+/g, "[WEBHOOK_URL_REDACTED]");
}

const LOG_LEVEL_PRIORITY: Record<LogLevel, number> = {
  debug: 0,
  info: 1,
  warn: 2,
  error: 3,
};

const LOG_LEVEL_EMOJI: Record<LogLevel, string> = {
  debug: "\uD83D\uDD0D",
  info: "\u2139\uFE0F",
  warn: "\u26A0\uFE0F",
  error: "\u274C",
};

export class DiscordLogger {
  private config: LoggerConfig;
  private buffer: LogEntry[] = [];
  private flushTimer: number | null = null;
  private isFlushing = false;

  /**
   * When true, routine logs (info/debug) are suppressed from the webhook
   * but still emitted to console. Warnings and errors always get through.
   */
  public muted = false;

  private static readonly DISCORD_WEBHOOK_RE = /^https:\/\/(discord\.com|discordapp\.com)\/api\/webhooks\//;

  constructor(config: Partial<LoggerConfig> & { context: string }) {
    const resolvedUrl = config.webhookUrl ?? CONFIG.discordConsoleWebhook;
    if (resolvedUrl && !DiscordLogger.DISCORD_WEBHOOK_RE.test(resolvedUrl)) {
      console.error(`[${config.context}] Invalid webhook URL rejected — logging disabled`);
    }
    this.config = {
      webhookUrl: resolvedUrl && DiscordLogger.DISCORD_WEBHOOK_RE.test(resolvedUrl) ? resolvedUrl : null,
      context: config.context,
      minLevel: config.minLevel ?? "info",
      batchIntervalMs: config.batchIntervalMs ?? 2000,
      maxBatchSize: config.maxBatchSize ?? 15,
      includeTimestamp: config.includeTimestamp ?? true,
      fallbackToConsole: config.fallbackToConsole ?? true,
    };
  }

  debug(message: string): void {
    this.log("debug", message);
  }

  info(message: string): void {
    this.log("info", message);
  }

  warn(message: string): void {
    this.log("warn", message);
  }

  error(message: string, error?: unknown): void {
    const errorDetails = error instanceof Error
      ? ` ${error.name}: ${error.message}`
      : error ? ` ${String(error)}` : "";
    this.log("error", message + errorDetails);
  }

  private log(level: LogLevel, message: string): void {
    if (LOG_LEVEL_PRIORITY[level] < LOG_LEVEL_PRIORITY[this.config.minLevel]) {
      return;
    }

    if (this.config.fallbackToConsole) {
      console.log(`[${level.toUpperCase()}] [${this.config.context}] ${message}`);
    }

    // When muted, only send warn/error to webhook — routine logs stay console-only
    if (this.muted && LOG_LEVEL_PRIORITY[level] < LOG_LEVEL_PRIORITY["warn"]) {
      return;
    }

    const entry: LogEntry = {
      level,
      message: sanitize(message),
      timestamp: Date.now(),
      context: this.config.context,
    };

    this.buffer.push(entry);

    if (level === "error") {
      this.flush();
    } else if (this.buffer.length >= this.config.maxBatchSize) {
      this.flush();
    } else {
      this.scheduleFlush();
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;

    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, this.config.batchIntervalMs);
  }

  async flush(): Promise<void> {
    if (this.isFlushing || this.buffer.length === 0) return;
    if (!this.config.webhookUrl) {
      this.buffer = [];
      return;
    }

    this.isFlushing = true;
    const entries = [...this.buffer];
    this.buffer = [];

    try {
      const formattedMessage = this.formatBatch(entries);
      await send(formattedMessage, this.config.webhookUrl, {
        username: `${this.config.context} Logger`,
      });
    } catch (_e) {
      // Restore entries so they aren't lost; cap to prevent unbounded growth
      const MAX_BUFFER = 100;
      const restored = [...entries, ...this.buffer];
      const dropped = Math.max(0, restored.length - MAX_BUFFER);
      this.buffer = restored.slice(0, MAX_BUFFER);
      if (dropped > 0) console.warn(`[${this.config.context}] Dropped ${dropped} log(s) — webhook flush failed`);
      if (this.config.fallbackToConsole) {
        console.error(`[${this.config.context}] Failed to flush ${entries.length} log(s) to Discord — dumping to console:`);
        console.error(this.formatBatch(entries));
      }
    } finally {
      this.isFlushing = false;
    }
  }

  private formatBatch(entries: LogEntry[]): string {
    const lines = entries.map((entry) => {
      const emoji = LOG_LEVEL_EMOJI[entry.level];
      const time = this.config.includeTimestamp
        ? `\`${new Date(entry.timestamp).toISOString().slice(11, 19)}\` `
        : "";
      return `${emoji} ${time}${entry.message}`;
    });

    const header = `**[${this.config.context}]** - ${entries.length} log(s)`;
    return `${header}\n${lines.join("\n")}`;
  }

  /** Call at end of execution to ensure all logs are sent */
  async finalize(): Promise<void> {
    if (this.flushTimer !== null) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    await this.flush();
  }
}

const _instances: DiscordLogger[] = [];

/**
 * Create a logger for a specific service/module.
 * Instances are tracked so they can all be finalized via `finalizeAllLoggers()`.
 */
export function createLogger(
  context: string,
  options?: Partial<Omit<LoggerConfig, "context">>,
): DiscordLogger {
  const logger = new DiscordLogger({
    context,
    ...options,
  });
  _instances.push(logger);
  return logger;
}

/**
 * Flush all logger instances. Call at the end of request handling
 * to ensure buffered logs are sent before the isolate terminates.
 * Capped at 8 seconds to prevent blocking isolate shutdown.
 */
export async function finalizeAllLoggers(): Promise<void> {
  const toFlush = [..._instances];
  let timer: ReturnType<typeof setTimeout>;
  await Promise.race([
    Promise.allSettled(toFlush.map((l) => l.finalize())).finally(() => clearTimeout(timer)),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 8_000);
    }),
  ]);
}
