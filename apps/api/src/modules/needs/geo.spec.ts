import { boundingBox, haversineKm } from './geo';

// 隆回县 seat (桃洪镇, around 27.11°N 111.03°E) and 邵阳市 (around 27.24°N 111.47°E).
const LONGHUI = { lat: 27.1117, lng: 111.0329 };
const SHAOYANG = { lat: 27.2389, lng: 111.4677 };

describe('geo', () => {
  it('should measure about 45 km between 隆回 and 邵阳 when the haversine distance is computed', () => {
    const km = haversineKm(LONGHUI.lat, LONGHUI.lng, SHAOYANG.lat, SHAOYANG.lng);
    expect(km).toBeGreaterThan(43);
    expect(km).toBeLessThan(47);
  });

  it('should contain every point of the circle when the bounding box is built', () => {
    const radius = 30;
    const box = boundingBox(LONGHUI.lat, LONGHUI.lng, radius);
    for (let bearing = 0; bearing < 360; bearing += 5) {
      // A point just inside the circle in this direction.
      const b = (bearing * Math.PI) / 180;
      const d = (radius - 0.01) / 6371.0088;
      const lat1 = (LONGHUI.lat * Math.PI) / 180;
      const lng1 = (LONGHUI.lng * Math.PI) / 180;
      const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
      const lng2 = lng1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
      const p = { lat: (lat2 * 180) / Math.PI, lng: (lng2 * 180) / Math.PI };
      expect(haversineKm(LONGHUI.lat, LONGHUI.lng, p.lat, p.lng)).toBeLessThanOrEqual(radius);
      expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(p.lat).toBeLessThanOrEqual(box.maxLat);
      expect(p.lng).toBeGreaterThanOrEqual(box.minLng);
      expect(p.lng).toBeLessThanOrEqual(box.maxLng);
    }
  });

  it('should cover all longitudes when the box would cross the antimeridian', () => {
    expect(boundingBox(10, 179.9, 50)).toMatchObject({ minLng: -180, maxLng: 180 });
  });
});
