import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** A box that takes files dropped on it (the options page's article import, the library's import). */
export function DropZone({ testId, onFiles, children }: { testId: string; onFiles(files: FileList | undefined): void; children: ComponentChildren }) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      class={`dropzone${dragging ? ' dragging' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles(e.dataTransfer?.files);
      }}
    >
      {children}
    </div>
  );
}
