// Read-only throughput of a File in a worker (no hashing), two ways, to put the hash speed in
// context: Blob.slice().arrayBuffer() with one read in flight, and FileReaderSync.
self.onmessage = async (ev) => {
  const { file, way } = ev.data;
  const slice = 8 * 1024 * 1024;
  const t0 = performance.now();
  if (way === 'sync') {
    const r = new FileReaderSync();
    for (let off = 0; off < file.size; off += slice) r.readAsArrayBuffer(file.slice(off, off + slice));
  } else {
    for (let off = 0; off < file.size; off += slice) await file.slice(off, off + slice).arrayBuffer();
  }
  self.postMessage({ ms: performance.now() - t0 });
};
