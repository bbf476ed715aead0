/** A form-wide error (not tied to one field), announced when it appears. */
export function FormProblem({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="alert small" role="alert">
      {message}
    </p>
  );
}
