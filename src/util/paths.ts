/** How many leading folders all the `/`-separated paths have in common. */
export function sharedFolderDepth(paths: readonly string[]): number {
  const folders = paths.map((path) => path.split('/').slice(0, -1));
  const first = folders[0] ?? [];
  let shared = first.length;
  for (const folder of folders) {
    let index = 0;
    while (index < shared && index < folder.length && folder[index] === first[index]) index += 1;
    shared = index;
  }
  return shared;
}

/** The folder all the `/`-separated paths share, with its final `/`; empty when they share none. */
export function commonFolder(paths: readonly string[]): string {
  const depth = sharedFolderDepth(paths);
  return depth === 0 ? '' : `${paths[0]!.split('/').slice(0, depth).join('/')}/`;
}
