// The browser's own downsizing path, for comparison: createImageBitmap + OffscreenCanvas +
// convertToBlob (JPEG q0.9), in a worker like ours. Message: {file, w, h} → {ms, blob}.
self.onmessage = async (ev) => {
  const { file, w, h } = ev.data;
  const t0 = performance.now();
  const bitmap = await createImageBitmap(file);
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  self.postMessage({ ms: performance.now() - t0, blob });
};
