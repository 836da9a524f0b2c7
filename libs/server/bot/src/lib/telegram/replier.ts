/** One inline button: its label and the callback data Telegram sends back when it is pressed. */
export interface InlineButton {
  text: string;
  data: string;
}

/**
 * How the conversation answers: a text, optionally with a one-tap "send my location" keyboard,
 * taking that keyboard away (after /stop it would only lead to "I don't know you"), or with inline
 * buttons under the message.
 */
export interface Replier {
  reply(
    text: string,
    options?: { requestLocationButton?: string; removeKeyboard?: boolean; inlineButtons?: InlineButton[][] },
  ): Promise<void>;
}

/** How the conversation answers a button press: the press itself (a toast, or nothing) and the message it was on. */
export interface CallbackResponder {
  /** Every press must be answered, or the button keeps spinning in the driver's app. */
  answer(toast?: string): Promise<void>;
  /** Replaces the text of the message with the buttons (and takes the buttons away). */
  edit(text: string): Promise<void>;
}
