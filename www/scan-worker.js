// Shoebox's folder-scan worker: walks a FileSystemDirectoryHandle (a backup folder) and posts
// each file's relative path, size, date and type in batches, so the page's main thread spends
// nothing on the tens of thousands of getFile() calls a Pictures folder needs. It reads no
// file contents. Message in: {root, batch}; out: {files: [...]} batches, then {done, unreadable}.
'use strict';
self.onmessage = async (event) => {
  const { root, batch = 500 } = event.data;
  let pending = [];
  let unreadable = 0;
  const flush = () => { if (pending.length) { self.postMessage({ files: pending }); pending = []; } };
  const stack = [[root, root.name]];
  while (stack.length) {
    const [dir, prefix] = stack.pop();
    try {
      for await (const entry of dir.values()) {
        const path = prefix + '/' + entry.name;
        if (entry.kind === 'directory') { stack.push([entry, path]); continue; }
        try {
          const f = await entry.getFile();
          pending.push({ path, name: f.name, size: f.size, lastModified: f.lastModified, type: f.type });
          if (pending.length >= batch) flush();
        } catch (e) { unreadable++; }
      }
    } catch (e) { unreadable++; }
  }
  flush();
  self.postMessage({ done: true, unreadable });
};
