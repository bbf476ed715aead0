import type { Role } from "../../gql/graphql";

/** Password shared by every seeded demo account (server/src/seed). */
export const DEMO_PASSWORD = "greenlight-demo";

export interface DemoAccount {
  readonly role: Role;
  readonly label: string;
  readonly email: string;
}

/** The seeded demo users, one per role; the single place their emails live in the client. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: "SHOWRUNNER", label: "Showrunner", email: "showrunner@demo.greenlight" },
  { role: "DIRECTOR", label: "Director", email: "director@demo.greenlight" },
  { role: "EDITOR", label: "Editor", email: "editor@demo.greenlight" },
  { role: "SOUND_DESIGNER", label: "Sound designer", email: "sound-designer@demo.greenlight" },
  { role: "WRITER", label: "Writer", email: "writer@demo.greenlight" },
  { role: "PRODUCER", label: "Producer", email: "producer@demo.greenlight" },
  { role: "EXECUTIVE", label: "Executive", email: "executive@demo.greenlight" },
  { role: "VIEWER", label: "Viewer", email: "viewer@demo.greenlight" },
];
