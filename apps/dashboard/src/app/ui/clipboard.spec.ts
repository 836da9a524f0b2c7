import { copyToClipboard } from './clipboard';

describe('copyToClipboard', () => {
  const original = { clipboard: navigator.clipboard, secure: window.isSecureContext, exec: document.execCommand };

  afterEach(() => {
    Object.defineProperty(navigator, 'clipboard', { value: original.clipboard, configurable: true });
    Object.defineProperty(window, 'isSecureContext', { value: original.secure, configurable: true });
    document.execCommand = original.exec;
  });

  function setUp(options: { writeText?: jest.Mock; secure: boolean; exec?: jest.Mock }): void {
    Object.defineProperty(navigator, 'clipboard', {
      value: options.writeText ? { writeText: options.writeText } : undefined,
      configurable: true,
    });
    Object.defineProperty(window, 'isSecureContext', { value: options.secure, configurable: true });
    document.execCommand = options.exec ?? jest.fn(() => false);
  }

  it('uses the Clipboard API in a secure context', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    const exec = jest.fn(() => true);
    setUp({ writeText, secure: true, exec });

    await expect(copyToClipboard('https://t.me/bot?start=abc')).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('https://t.me/bot?start=abc');
    expect(exec).not.toHaveBeenCalled();
  });

  it('falls back to the copy command when the Clipboard API refuses', async () => {
    const exec = jest.fn(() => true);
    setUp({ writeText: jest.fn(() => Promise.reject(new Error('denied'))), secure: true, exec });

    await expect(copyToClipboard('secret')).resolves.toBe(true);
    expect(exec).toHaveBeenCalledWith('copy');
    expect(document.querySelector('textarea')).toBeNull(); // cleaned up
  });

  it('falls back outside a secure context (http on a LAN address)', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    const exec = jest.fn(() => true);
    setUp({ writeText, secure: false, exec });

    await expect(copyToClipboard('secret')).resolves.toBe(true);
    expect(writeText).not.toHaveBeenCalled();
  });

  it('says so when nothing worked', async () => {
    setUp({ secure: false, exec: jest.fn(() => false) });

    await expect(copyToClipboard('secret')).resolves.toBe(false);
  });
});
