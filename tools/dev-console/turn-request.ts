import { z } from 'zod';

/** What the page sends for one turn. The session is the one the previous answer handed back. */
export const TurnRequestSchema = z.object({
  settings: z.object({
    platform: z.enum(['alexa', 'google']),
    locale: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/),
    shopperId: z.string().min(1).max(100).nullish(),
    screen: z.boolean(),
  }),
  session: z
    .object({
      id: z.string().min(1).max(200),
      turns: z.number().int().min(0),
      attributes: z.record(z.string(), z.unknown()),
      scene: z.string().min(1).max(200).optional(),
    })
    .nullish(),
  said: z.string().trim().min(1).max(500),
});

export type TurnRequest = z.output<typeof TurnRequestSchema>;
