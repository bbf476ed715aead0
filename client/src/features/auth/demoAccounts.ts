import type { Role } from "../../gql/graphql";

/** Password shared by every seeded demo account (server/src/seed). */
export const DEMO_PASSWORD = "greenlight-demo";

export interface DemoAccount {
  readonly role: Role;
  readonly label: string;
  readonly email: string;
  readonly name: string;
}

/** The seeded demo users (server/src/seed/seed-data.ts), one per role; the one place the client names them. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: "SHOWRUNNER", label: "Showrunner", email: "showrunner@demo.greenlight", name: "Maya Chen" },
  { role: "DIRECTOR", label: "Director", email: "director@demo.greenlight", name: "Rafael Ortiz" },
  { role: "EDITOR", label: "Editor", email: "editor@demo.greenlight", name: "Priya Nair" },
  { role: "SOUND_DESIGNER", label: "Sound designer", email: "sound@demo.greenlight", name: "Tomas Silva" },
  { role: "WRITER", label: "Writer", email: "writer@demo.greenlight", name: "Ada Okafor" },
  { role: "PRODUCER", label: "Producer", email: "producer@demo.greenlight", name: "Leo Brandt" },
  { role: "EXECUTIVE", label: "Executive", email: "exec@demo.greenlight", name: "Grace Kim" },
  { role: "VIEWER", label: "Viewer", email: "viewer@demo.greenlight", name: "Sam Rivera" },
];
