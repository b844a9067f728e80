/** Hands bytes or text to the browser as a file download (an object URL, revoked once used). */
export function download(content: Uint8Array | string, name: string, type: string): void {
	const blob = new Blob([content as BlobPart], { type });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
