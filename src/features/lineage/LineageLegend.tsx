/** Key to the graph's styles: edge colours per relation type, dashed = inferred, grey = placeholder. */
const TYPES: readonly [string, string][] = [
  ['finetune_of', 'fine-tune'],
  ['adapter_of', 'adapter'],
  ['quantized_from', 'quantization'],
  ['merge_of', 'merge'],
  ['trained_on', 'trained on'],
];

export function LineageLegend() {
  return (
    <details className="lineage-legend">
      <summary>Legend</summary>
      <ul>
        {TYPES.map(([type, text]) => (
          <li key={type}>
            <span className={`legend-line rel-${type}`} aria-hidden="true" /> {text}
          </li>
        ))}
        <li>
          <span className="legend-line is-inferred" aria-hidden="true" /> inferred (dashed)
        </li>
        <li>
          <span className="legend-box is-placeholder" aria-hidden="true" /> not in catalog (grey)
        </li>
      </ul>
    </details>
  );
}
