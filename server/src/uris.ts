// URIs of files in a workspace folder, written as VS Code writes them (`Uri.toString()`), so that a URI the server
// makes equals, as a string, the one the editor sends for the same file. No Node or browser API.

/** Characters VS Code leaves as they are in a URI's path; everything else is percent-encoded (UTF-8). */
const PLAIN = /^[A-Za-z0-9\-._~/]$/;

/** The URI of root-relative `path` in the folder `folderUri` (which has no trailing slash). */
export function uriOfPath(folderUri: string, path: string): string {
  let encoded = '';
  for (const char of path) encoded += PLAIN.test(char) ? char : encodeURIComponent(char).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${folderUri}/${encoded}`;
}

/** The root-relative POSIX path of `uri` in the folder `folderUri`: `''` for the folder itself, `undefined` when outside it. */
export function relativePathOfUri(folderUri: string, uri: string): string | undefined {
  const folder = folderUri.replace(/\/$/, '');
  if (uri === folder || uri === `${folder}/`) return '';
  if (!uri.startsWith(`${folder}/`)) return undefined;
  try {
    return decodeURIComponent(uri.slice(folder.length + 1));
  } catch {
    return undefined; // a malformed escape: not a file of ours
  }
}
