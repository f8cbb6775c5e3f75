import * as z from 'zod';
import type { CallStates } from '../../commerce/ports';
import { readSessionState, type SessionState } from '../../core/session-state';
import { type Speech, SpeechPartSchema } from '../../speech/speech';
import { type CallerCheck, CallerCheckSchema } from './caller-check';

/**
 * One call's conversation, kept on the server after every turn (the phone carries no session):
 * where the conversation is, who is calling, and what waits for the caller check. A socket that
 * drops and comes back for the same call continues from here.
 */
export interface PhoneCall {
  readonly locale: string;
  /** The router's state, exactly as the other platforms carry it in their sessions. */
  readonly session: SessionState;
  readonly caller: CallerCheck;
  /** What the caller was just asked for to prove who they are: what they say or key next is their answer. */
  readonly awaiting?: CallerQuestion;
  /** The order number a caller whose number names nobody gave, until the ZIP code it went to is checked with it. */
  readonly orderNumber?: string;
  /** What the caller asked for that needs the check first; answered as soon as it passes. */
  readonly pending?: string;
  /** Turns answered so far, for request ids. */
  readonly turns: number;
  /** What the assistant said last, for knowing what the caller heard of it if they speak over it. */
  readonly said?: Speech;
  /** The caller spoke over the last reply and heard only this much of it (Turn.heardOfLastReply); for the next turn only. */
  readonly heard?: string;
}

/** The questions of the caller check: a second factor for a known number; else an order number, then the ZIP code it went to. */
export const CALLER_QUESTIONS = ['second-factor', 'order-number', 'postal-code'] as const;
export type CallerQuestion = (typeof CALLER_QUESTIONS)[number];

/** The most of what was said last that a call keeps (far more than any reply has); a longer one is not kept. */
export const MAX_SAID_PARTS = 400;

/** A call's state is forgotten this long after its last turn: calls end long before, sockets that drop come back sooner. */
export const CALL_STATE_TTL_MS = 60 * 60_000;

const StoredCallSchema = z.object({
  v: z.literal(1),
  locale: z.string().regex(/^[a-z]{2,3}-[A-Z]{2}$/),
  session: z.unknown(),
  caller: CallerCheckSchema,
  awaiting: z.enum(CALLER_QUESTIONS).optional(),
  orderNumber: z.string().regex(/^\d{1,12}$/).optional(),
  pending: z.string().max(2_000).optional(),
  turns: z.number().int().min(0),
  said: z.array(SpeechPartSchema).max(MAX_SAID_PARTS).optional(),
  heard: z.string().max(20_000).optional(),
});

export function newCall(locale: string, caller: CallerCheck): PhoneCall {
  return { locale, session: readSessionState(undefined), caller, turns: 0 };
}

/** The call's state, unless there is none, it expired, or it is not one this code wrote. */
export async function loadCall(states: CallStates, callId: string, now: Date): Promise<PhoneCall | undefined> {
  const parsed = StoredCallSchema.safeParse(await states.load(callId, now));
  if (!parsed.success) return undefined;
  const { v: _version, session, ...rest } = parsed.data;
  return { ...withoutUnset(rest), session: readSessionState(session) } as PhoneCall;
}

/** The fields that are set: JSON has no undefined, and the state reads back as it was saved. */
function withoutUnset<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export function saveCall(states: CallStates, callId: string, call: PhoneCall, now: Date): Promise<void> {
  return states.save(callId, { v: 1, ...withoutUnset(call) }, new Date(now.getTime() + CALL_STATE_TTL_MS));
}
