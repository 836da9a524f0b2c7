import { BotApiError } from './bot-api-error';
import { parseFormattedText } from './formatted-text';

function refusal(text: string, mode: string): string {
  try {
    parseFormattedText(text, mode);
  } catch (error) {
    if (error instanceof BotApiError) return error.description;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('parseFormattedText', () => {
  it('keeps plain text as is, trimming surrounding whitespace like Telegram', () => {
    expect(parseFormattedText('  hello  ', undefined)).toEqual({ text: 'hello', entities: [] });
  });

  it('parses HTML tags, links and character references into entities (UTF-16 offsets)', () => {
    expect(parseFormattedText('🚚 <b>Lena</b> &lt;3 <a href="https://convoy.example/d/1">map</a>', 'HTML')).toEqual({
      text: '🚚 Lena <3 map',
      entities: [
        { type: 'bold', offset: 3, length: 4 },
        { type: 'text_link', offset: 11, length: 3, url: 'https://convoy.example/d/1' },
      ],
    });
    expect(parseFormattedText('<pre><code class="language-json">{}</code></pre>', 'html').entities).toEqual([
      { type: 'pre', offset: 0, length: 2, language: 'json' },
    ]);
  });

  it('refuses broken HTML with the Bot API wording', () => {
    expect(refusal('a <x>b</x>', 'HTML')).toBe(`Bad Request: can't parse entities: Unsupported start tag "x" at byte offset 2`);
    expect(refusal('<b>bold', 'HTML')).toBe(`Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`);
    expect(refusal('<b>x</i>', 'HTML')).toBe(
      `Bad Request: can't parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`,
    );
  });

  it('parses legacy Markdown and points at the unterminated entity by byte offset', () => {
    expect(parseFormattedText('*Stop* sharing: [help](https://t.me/convoy_test_bot)', 'Markdown')).toEqual({
      text: 'Stop sharing: help',
      entities: [
        { type: 'bold', offset: 0, length: 4 },
        { type: 'text_link', offset: 14, length: 4, url: 'https://t.me/convoy_test_bot' },
      ],
    });
    expect(parseFormattedText('mr\\_smith', 'Markdown').text).toBe('mr_smith');
    expect(refusal('Grüße mr_smith', 'Markdown')).toBe(
      "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 10",
    );
  });

  it('parses MarkdownV2, requiring reserved characters to be escaped', () => {
    expect(parseFormattedText('*Speed:* 42\\.5 km/h ||secret|| __u__', 'MarkdownV2')).toEqual({
      text: 'Speed: 42.5 km/h secret u',
      entities: [
        { type: 'bold', offset: 0, length: 6 },
        { type: 'spoiler', offset: 17, length: 6 },
        { type: 'underline', offset: 24, length: 1 },
      ],
    });
    expect(refusal('Speed: 42.5', 'MarkdownV2')).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    expect(refusal('*bold', 'MarkdownV2')).toBe("Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0");
  });

  it('refuses an unknown parse_mode', () => {
    expect(refusal('x', 'Markdown3')).toBe('Bad Request: unsupported parse_mode');
  });
});
