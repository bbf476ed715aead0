import mongoose from "mongoose";
import type { Viewer } from "../core/context.js";
import { generateApiTokenSecret } from "../auth/token.service.js";
import { runCommand } from "../events/command.js";
import { ApiTokenModel } from "./api-token.model.js";
import { type ApiToken, toApiToken } from "./api-token.type.js";
import { tokenExpiry, validateTokenName } from "./user.validation.js";

/** The secret is answered once and only its hash is stored. */
export async function createApiTokenCommand(
  viewer: Viewer,
  nameInput: string,
  expiresInDays?: number | null,
): Promise<{ token: string; apiToken: ApiToken }> {
  const name = validateTokenName(nameInput);
  const expiresAt = tokenExpiry(expiresInDays);
  const { token, prefix, hash } = generateApiTokenSecret();
  const doc = await runCommand(
    "users/create-api-token",
    async ({ session }) => {
      const [created] = await ApiTokenModel.create(
        [{ userId: new mongoose.Types.ObjectId(viewer.userId), name, prefix, hash, expiresAt }],
        { session },
      );
      if (!created) throw new Error("ApiTokenModel.create returned no document");
      return created;
      // The secret exists only in this answer (its hash is stored): a retry makes a new token.
    },
    { replayable: false },
  );
  return { token, apiToken: toApiToken(doc) };
}
