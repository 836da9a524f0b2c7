/** No look-alikes (0/O, 1/l/I): the admin may have to read it out or type it elsewhere. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password (~5.8 bits per character, 18 characters ≈ 105 bits) from the browser's CSPRNG. */
export function randomPassword(length = 18, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  let password = '';
  // rejection sampling keeps every character equally likely
  const limit = 256 - (256 % ALPHABET.length);
  while (password.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) {
        password += ALPHABET[byte % ALPHABET.length];
      }
    }
  }
  return password;
}
