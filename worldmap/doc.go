// Package worldmap holds simplified country outlines for the desk's
// jurisdiction map, a way to fit a view to the countries in play, and
// hit-testing. It draws nothing: the UI turns each Ring into a path.
//
// # Source
//
// The outlines are Natural Earth's 1:50m Admin 0 country boundaries, version
// 4.1.0 (public domain, https://www.naturalearthdata.com/), as redistributed
// in TopoJSON by the npm package world-atlas 2.0.2 (file countries-50m.json,
// SHA-256 04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394;
// https://github.com/topojson/world-atlas, ISC licence). The converter in
// tools/worldmap simplified them (Douglas-Peucker, 0.02°, borders shared by
// two countries simplified once), put them on a 0.01° grid (0.001° for rings
// under 0.25° across, such as the Vatican's) and wrote
// countries.bin, which this package embeds. To regenerate it, from the
// repository root:
//
//	mkdir -p /tmp/wa && (cd /tmp/wa && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
//	go run ./tools/worldmap -in /tmp/wa/package/countries-50m.json -out worldmap/countries.bin
//
// # Codes
//
// Countries are keyed by lower-case ISO 3166-1 alpha-2 codes ("nl", "ru",
// "us"; the United Kingdom is "gb"). Features world-atlas gives no numeric
// id have codes from ISO 3166-1's user-assigned range: Kosovo "xk", Northern
// Cyprus "xc", Somaliland "xs", Siachen Glacier "xg". Christmas Island "cx"
// and the Cocos (Keeling) Islands "cc" are split out of world-atlas's
// "Indian Ocean Ter."; Ashmore and Cartier Islands are part of "au".
//
// # Coordinates
//
// Positions are longitude and latitude in degrees. A ring that crosses the
// antimeridian (mainland Russia's, one of Fiji's) is not cut: its longitudes
// run on past 180°, so that its Bounds are continuous. Every Box keeps West in
// [-180, 180) and East >= West, so East may exceed 180. A Projection wraps
// each ring whole to the side of the antimeridian its view is on.
package worldmap
