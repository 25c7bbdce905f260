// Stylesheets imported by TypeScript are bundled as their text (esbuild's `text` loader, esbuild.mjs).
declare module '*.css' {
  const text: string;
  export default text;
}
