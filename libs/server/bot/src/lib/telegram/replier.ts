/** How the conversation answers: a text, optionally with a one-tap "send my location" keyboard. */
export interface Replier {
  reply(text: string, options?: { requestLocationButton?: string }): Promise<void>;
}
