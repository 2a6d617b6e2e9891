export function Options() {
  return (
    <main class="options" data-testid="options">
      <h1>Policy Lens — Options</h1>
      <p>Corpus and settings.</p>
    </main>
  );
}
