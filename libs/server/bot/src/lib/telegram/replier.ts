/**
 * How the conversation answers: a text, optionally with a one-tap "send my location" keyboard, or
 * taking that keyboard away (after /stop it would only lead to "I don't know you").
 */
export interface Replier {
  reply(text: string, options?: { requestLocationButton?: string; removeKeyboard?: boolean }): Promise<void>;
}
