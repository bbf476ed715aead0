interface Props {
  count: number;
  onEdit: () => void;
  onRemove: () => void;
}

/** In the composer: the new note carries a drawing of `count` shapes. */
export function DrawingChip({ count, onEdit, onRemove }: Props) {
  if (!count) return null;
  return (
    <span className="badge plain row" data-testid="composer-drawing">
      <button type="button" className="link-btn" onClick={onEdit} title="Edit the drawing">
        drawing · {count} {count === 1 ? "shape" : "shapes"}
      </button>
      <button type="button" className="link-btn" onClick={onRemove} aria-label="Remove the drawing">
        ×
      </button>
    </span>
  );
}
