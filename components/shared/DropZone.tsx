import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A box that takes files dropped on it (the options page's article import, the library's import).
 * `onDrop` gets the whole DataTransfer, for a caller that takes dropped folders too.
 */
export function DropZone({
  testId,
  onFiles,
  onDrop,
  children,
}: {
  testId: string;
  onFiles?(files: FileList | undefined): void;
  onDrop?(data: DataTransfer): void;
  children: ComponentChildren;
}) {
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
        if (onDrop && e.dataTransfer) onDrop(e.dataTransfer);
        else onFiles?.(e.dataTransfer?.files);
      }}
    >
      {children}
    </div>
  );
}
