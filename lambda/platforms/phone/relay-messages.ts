import * as z from 'zod';

/**
 * The ConversationRelay WebSocket protocol, as Twilio documents it (and Telnyx speaks it too): what
 * the relay sends (setup, prompt, dtmf, interrupt, error) and what the application answers (text
 * tokens, end, language, sendDigits). Every incoming message is checked against these schemas;
 * anything else is ignored.
 */

/** Longer than any utterance a caller says in one breath, short enough that nothing huge is read. */
const MAX_PROMPT_CHARS = 2_000;

const SetupSchema = z.object({
  type: z.literal('setup'),
  sessionId: z.string().max(200).optional(),
  callSid: z.string().min(1).max(200),
  /** The caller's number, E.164 ("+13035550142"); empty or a name for withheld numbers. */
  from: z.string().max(100).optional(),
  to: z.string().max(100).optional(),
  direction: z.string().max(40).optional(),
  /** `<Parameter>` elements of the TwiML, by name. */
  customParameters: z.record(z.string(), z.string().max(500)).optional(),
});

const PromptSchema = z.object({
  type: z.literal('prompt'),
  voicePrompt: z.string().max(MAX_PROMPT_CHARS),
  lang: z.string().max(20).optional(),
  /** false on a partial transcript (partialPrompts); the final one of an utterance has true. */
  last: z.boolean().optional(),
});

const DtmfSchema = z.object({
  type: z.literal('dtmf'),
  digit: z.string().regex(/^[0-9*#A-D]$/),
});

const InterruptSchema = z.object({
  type: z.literal('interrupt'),
  /** What the caller heard of the assistant's talk before speaking over it. */
  utteranceUntilInterrupt: z.string().max(20_000),
  durationUntilInterruptMs: z.union([z.number(), z.string().max(20)]).optional(),
});

const ErrorSchema = z.object({
  type: z.literal('error'),
  description: z.string().max(2_000),
});

export const RelayMessageSchema = z.discriminatedUnion('type', [SetupSchema, PromptSchema, DtmfSchema, InterruptSchema, ErrorSchema]);

export type RelayMessage = z.infer<typeof RelayMessageSchema>;
export type SetupMessage = z.infer<typeof SetupSchema>;

/** What the application sends back over the socket. */
export type AppMessage =
  /** Text to speak, streamed in tokens; `last: true` closes the assistant's talk cycle. */
  | { readonly type: 'text'; readonly token: string; readonly last: boolean; readonly lang?: string; readonly interruptible?: boolean }
  /** Ends the relay; the `<Connect action>` URL receives `handoffData` (a string) as HandoffData. */
  | { readonly type: 'end'; readonly handoffData?: string }
  /** Switches the languages of speech synthesis and recognition. */
  | { readonly type: 'language'; readonly ttsLanguage: string; readonly transcriptionLanguage: string }
  | { readonly type: 'sendDigits'; readonly digits: string };

/** The message in a frame, or undefined for anything that is not JSON or not a message of the protocol. */
export function readRelayMessage(frame: string): RelayMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return undefined;
  }
  const parsed = RelayMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
