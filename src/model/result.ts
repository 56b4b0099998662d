import type { Message } from './messages.js';

/**
 * A stage's answer: its value and the messages it produced on the way, in the manner of
 * mammoth's `{value, messages}`. Composing stages concatenates their messages, so a warning
 * raised while reading a PDF page is still attached to the record that comes out at the end.
 */
export interface Result<T> {
  readonly value: T;
  readonly messages: readonly Message[];
}

export function result<T>(value: T, messages: readonly Message[] = []): Result<T> {
  return { value, messages };
}

/** Collects messages from several steps while a stage builds one value. */
export class MessageLog {
  readonly messages: Message[] = [];

  add(...messages: readonly Message[]): void {
    this.messages.push(...messages);
  }

  /** Unwraps a step's result, keeping its messages. */
  take<T>(step: Result<T>): T {
    this.messages.push(...step.messages);
    return step.value;
  }
}
