/**
 * discord/persistence/blob.ts
 *
 * Re-export Val Town's blob storage for use in commands.
 * Backed by Cloudflare R2, suited for larger opaque data.
 */

import { blob } from "https://esm.town/v/std/blob";
export { blob };
