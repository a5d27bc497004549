export function TrackingMap({ route }: { route: [number, number][] }) {
  const [lat, lng] = route[route.length - 1] ?? [0, 0];
  return (
    <figure className="tracking-map">
      <img
        alt="Where your parcel is now"
        src={`https://maps.example.com/static?center=${lat},${lng}&zoom=11&size=640x240`}
      />
    </figure>
  );
}
