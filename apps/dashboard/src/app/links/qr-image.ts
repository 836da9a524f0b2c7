/**
 * The server's QR code SVG as an `<img>` source. An SVG shown through `<img>` is inert: the browser
 * runs no script and loads nothing it references, so even a surprising string cannot act on the page
 * (unlike putting it into the DOM with innerHTML, which would need bypassSecurityTrustHtml).
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
