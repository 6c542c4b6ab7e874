/** A long task's progress (with Cancel), its result and its error, as the Team page's panels show them. */
export function TaskStatus({
  name,
  progress,
  onCancel,
  result,
  error,
}: {
  /** "Publish" → statuses "Publish progress" and "Publish result". */
  name: string;
  progress: string | undefined;
  onCancel: () => void;
  result: string | undefined;
  error: string | undefined;
}) {
  return (
    <>
      {progress !== undefined ? (
        <p role="status" aria-label={`${name} progress`}>
          {progress}{' '}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </p>
      ) : null}
      {result ? (
        <p role="status" aria-label={`${name} result`}>
          {result}
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}
