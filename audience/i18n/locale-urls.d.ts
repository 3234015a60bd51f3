/** Each language's table by code, as an address to import (slides/vite/language-chunks.ts). */
declare module 'virtual:handsup-locale-urls' {
  const urls: Readonly<Record<string, string>>;
  export default urls;
}
