import { z } from "zod";
import { ROLES } from "@/lib/tenancy/roles";

// GET /api/v1/me: which tenant the caller acts in, and as whom (a person or an API token) with which role.

const role = z.enum(ROLES).meta({ id: "Role", description: "agent < supervisor < admin; each includes what the roles before it may do" });

export const meSchema = z
  .object({
    tenant: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
    actor: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("user"), userId: z.uuid(), role, label: z.string() }),
      z.object({ kind: z.literal("api_token"), tokenId: z.uuid(), role, label: z.string() }),
    ]),
  })
  .meta({ id: "Me" });

export type Me = z.infer<typeof meSchema>;
