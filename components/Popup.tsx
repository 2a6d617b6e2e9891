export function Popup() {
  return (
    <main class="popup" data-testid="popup">
      <h1>Policy Lens 政策透镜</h1>
      <p>Your highlights and notes from Sina Finance articles will appear here.</p>
    </main>
  );
}
