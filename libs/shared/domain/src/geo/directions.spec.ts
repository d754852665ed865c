import { directionsLinks, geoUri, openStreetMapWalkingDirectionsUrl } from './directions';

describe('directions links', () => {
  const plate = { lat: 20.4501234, lng: 106.3412 };
  const centre = { lat: 20.456, lng: 106.339 };

  it('gives a geo: URI to the destination', () => {
    expect(geoUri(centre)).toBe('geo:20.456,106.339');
  });

  it('gives an OpenStreetMap walking route from the origin, with an encoded separator', () => {
    expect(openStreetMapWalkingDirectionsUrl(plate, centre)).toBe(
      'https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=20.450123%2C106.3412%3B20.456%2C106.339',
    );
    expect(directionsLinks(plate, centre)).toEqual({ geoUri: 'geo:20.456,106.339', openStreetMap: openStreetMapWalkingDirectionsUrl(plate, centre) });
  });

  it('writes negative and tiny coordinates without exponents', () => {
    expect(geoUri({ lat: -0.0000001, lng: -179.9999999 })).toBe('geo:0,-180');
    expect(geoUri({ lat: 0.000001, lng: 1e-7 })).toBe('geo:0.000001,0');
  });

  it('refuses a point outside WGS84', () => {
    expect(() => geoUri({ lat: 91, lng: 0 })).toThrow(RangeError);
    expect(() => openStreetMapWalkingDirectionsUrl({ lat: 0, lng: Number.NaN }, centre)).toThrow(RangeError);
  });
});
