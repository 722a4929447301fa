"""Geoparsing on the LGL and GeoVirus development corpora (bench/geoparsing/{lgl,geovirus}/README.md).

LGL (US local news, GeoNames gold) gives the unprefixed figures; GeoVirus (global outbreak news,
Wikipedia gold coordinates, no feature classes) gives the same figures prefixed ``geovirus_``.

Gold-span resolution ("oracle NER", spans given to the ``given_spans`` recogniser
exactly as the extract command gives a record's "spans"): accuracy@161 km, mean/median error, AUC (Gritta et al.
2018: mean of ln(1+km)/ln(20039), lower is better), exact GeoNames-id rate.
Breakdowns of gold-span accuracy by gold feature class (P, A, H, L, T) and by the
three commonest codes (PCLI, ADM1, PPL); the reliability of the calibrated confidence
(bins of confidence against the share within 161 km); the worst errors as notes.
End-to-end: the configured recogniser's spans against gold, P/R/F1 exact and
overlap, with resolution scored on the overlap true positives.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from geowire.geodesy import haversine_km
from geowire.model import Document

CORPUS = Path("geoparsing/lgl/lgl.xml")
BLIND_DIR = Path(__file__).resolve().parent / "gold" / "places"   # docs/geo.md "Blind toponym annotation guideline"
GEOVIRUS = Path("geoparsing/geovirus/geovirus.xml")
MAX_KM = 20039.0
ACCURACY_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    fclass: str | None = None
    fcode: str | None = None
    gold_name: str | None = None
    country: str | None = None
    kind: str = "place"
    coord_source: str | None = None


@dataclass
class Article:
    id: str
    text: str
    toponyms: list[GoldToponym]


def load_articles(bench: Path, limit: int | None = None) -> list[Article]:
    root = ET.parse(bench / CORPUS).getroot()
    articles = []
    for node in root.iter("article"):
        toponyms = [_toponym(t) for t in node.iter("toponym")]
        articles.append(Article(node.get("docid"), node.findtext("text"), toponyms))
        if limit and len(articles) >= limit:
            break
    return articles


def load_geovirus(bench: Path, limit: int | None = None) -> list[Article]:
    """GeoVirus: Wikipedia coordinates, no GeoNames ids or feature classes; a continent flag is
    reported as class "L" so the breakdown separates macro-regions from the rest."""
    root = ET.parse(bench / GEOVIRUS).getroot()
    articles = []
    for node in root.iter("article"):
        toponyms = []
        for t in node.iter("toponym"):
            tag = t.find("gaztag")
            toponyms.append(GoldToponym(
                int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase"), None,
                float(tag.findtext("lat")), float(tag.findtext("lon")),
                "L" if tag.find("continent") is not None else "other", None, tag.findtext("name"), None))
        articles.append(Article(node.get("docid"), node.findtext("text"), toponyms))
        if limit and len(articles) >= limit:
            break
    return articles


def load_blind(paths: list[Path], bench: Path) -> dict[str, list[Article]]:
    """Blind toponym files (docs/geo.md "Blind toponym annotation guideline"), by bench set; the text is the
    bench record's."""
    import json

    wanted: dict[tuple[str, str], dict] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                wanted[(record["set"], str(record["id"]))] = record
    by_set: dict[str, list[Article]] = {}
    for set_name in sorted({s for s, _ in wanted}):
        for line in (bench / "events" / set_name / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            bench_record = json.loads(line)
            record = wanted.get((set_name, str(bench_record["id"])))
            if record is not None:
                text = bench_record["text"]
                toponyms = [_blind_toponym(t, text) for t in record["toponyms"]]
                by_set.setdefault(set_name, []).append(Article(str(bench_record["id"]), text, toponyms))
    return by_set


def _blind_toponym(t: dict, text: str) -> GoldToponym:
    if text[t["start"]:t["end"]] != t["phrase"]:
        raise ValueError(f"blind toponym span {t['start']}:{t['end']} is not {t['phrase']!r}")
    return GoldToponym(t["start"], t["end"], t["phrase"], None, t.get("lat"), t.get("lon"), t.get("fclass"), None,
                       t.get("name"), t.get("country"), t.get("kind", "place"), t.get("coord_source"))


def _toponym(node: ET.Element) -> GoldToponym:
    tag = node.find("gaztag")
    start, end = int(node.findtext("start")), int(node.findtext("end"))
    if tag is None:
        return GoldToponym(start, end, node.findtext("phrase"), None, None, None)
    return GoldToponym(start, end, node.findtext("phrase"), int(tag.get("geonameid")),
                       float(tag.findtext("lat")), float(tag.findtext("lon")), tag.findtext("fclass"),
                       tag.findtext("fcode"), tag.findtext("name"), tag.findtext("country"))


def resolution_metrics(pairs: list[tuple[GoldToponym, object]], prefix: str) -> dict[str, float]:
    """pairs: (gold toponym with a coordinate, predicted Place)."""
    errors, exact, unresolved = [], 0, 0
    for gold, place in pairs:
        if place.lat is None:
            unresolved += 1
            errors.append(MAX_KM)
            continue
        errors.append(haversine_km(gold.lat, gold.lon, place.lat, place.lon))
        exact += int(gold.geonameid is not None and place.geonameid == gold.geonameid)
    if not errors:
        return {}
    return {
        f"{prefix}_n": len(errors),
        f"{prefix}_acc161": sum(e < ACCURACY_KM for e in errors) / len(errors),
        f"{prefix}_mean_km": statistics.fmean(errors),
        f"{prefix}_median_km": statistics.median(errors),
        f"{prefix}_auc": statistics.fmean(math.log(1 + e) / math.log(MAX_KM) for e in errors),
        f"{prefix}_geonameid_acc": exact / len(errors),
        f"{prefix}_unresolved": unresolved,
        f"{prefix}_unresolved_share": unresolved / len(errors),
    }


BREAKDOWN_CODES = ("PCLI", "ADM1", "ADM2", "PPL")
WORST_ERRORS = 20


def gold_span_resolution(articles: list[Article]) -> tuple[dict[str, float], list[str]]:
    pairs, where, given, placed = resolve_gold_spans(articles)
    metrics = resolution_metrics(pairs, "gold")
    # every given span, with or without a gold coordinate (streets, buildings): the share given a place
    metrics["gold_spans_given"] = given
    metrics["gold_spans_resolved_share"] = placed / given if given else 0.0
    metrics.update(breakdown(pairs))
    metrics.update(confidence_metrics(pairs))
    notes = reliability_notes(pairs) + worst_errors(pairs, where)
    return metrics, notes


def resolve_gold_spans(articles: list[Article]) -> tuple[list, list[str], int, int]:
    """Every article's gold spans given to ``given_spans``: the (gold, place) pairs of toponyms with a gold
    coordinate, the article of each, and how many spans were given and got a place."""
    from geowire.geo.given import make_given_spans
    from geowire.ingest.protocol import given_places

    resolver = make_given_spans()
    pairs, where = [], []
    given = placed = 0
    for article in articles:
        spans = [(t.start, t.end) for t in article.toponyms]
        doc = Document(id=article.id, text=article.text, places=given_places(article.text, spans))
        places = resolver(doc).places
        assert len(places) == len(article.toponyms)
        given += len(places)
        placed += sum(p.lat is not None for p in places)
        for gold, place in zip(article.toponyms, places, strict=False):
            if gold.lat is not None:
                pairs.append((gold, place))
                where.append(article.id)
    return pairs, where, given, placed


def error_km(gold: GoldToponym, place) -> float:
    return MAX_KM if place.lat is None else haversine_km(gold.lat, gold.lon, place.lat, place.lon)


def breakdown(pairs: list) -> dict[str, float]:
    """Accuracy@161 and count per gold feature class and for the commonest feature codes."""
    groups: dict[str, list[float]] = {}
    for gold, place in pairs:
        groups.setdefault(f"class_{gold.fclass}", []).append(error_km(gold, place))
        groups.setdefault(f"picked_{place.precision or 'none'}", []).append(error_km(gold, place))
        groups.setdefault(f"basis_{place.basis or 'none'}", []).append(error_km(gold, place))
        if gold.fcode in BREAKDOWN_CODES:
            groups.setdefault(f"code_{gold.fcode}", []).append(error_km(gold, place))
    out = {}
    for name in sorted(groups):
        errors = groups[name]
        out[f"gold_{name}_n"] = len(errors)
        out[f"gold_{name}_acc161"] = sum(e < ACCURACY_KM for e in errors) / len(errors)
        out[f"gold_{name}_mean_km"] = statistics.fmean(errors)
    # a country or first-level area must never come back as a town
    areas = [(g, p) for g, p in pairs if g.fcode in ("PCLI", "ADM1") and p.lat is not None]
    out["gold_area_as_town"] = sum(p.precision in ("city", "point") for _, p in areas)
    return out


def confidence_metrics(pairs: list) -> dict[str, float]:
    from geowire.geo.calibration import reliability_table

    _, ece = reliability_table([p.confidence for _, p in pairs], [error_km(g, p) < ACCURACY_KM for g, p in pairs])
    return {"gold_confidence_ece": ece}


def reliability_notes(pairs: list) -> list[str]:
    from geowire.geo.calibration import reliability_table

    rows, _ = reliability_table([p.confidence for _, p in pairs], [error_km(g, p) < ACCURACY_KM for g, p in pairs])
    notes = ["reliability (gold spans; the curve was fitted on this corpus, see scripts/fit_geo_confidence.py "
             "for the cross-validated table): confidence bin, n, mean confidence, share within 161 km"]
    notes += [f"  [{low:.1f}, {high:.1f})  n={n}  conf {conf:.3f}  within161 {share:.3f}"
              for low, high, n, conf, share in rows]
    return notes


def worst_errors(pairs: list, where: list[str]) -> list[str]:
    """The farthest wrong picks, and the commonest names left unresolved."""
    resolved = [(pair, doc_id) for pair, doc_id in zip(pairs, where, strict=False) if pair[1].lat is not None]
    ranked = sorted(resolved, key=lambda item: -error_km(*item[0]))[:WORST_ERRORS]
    notes = [f"worst {len(ranked)} resolved gold-span errors: doc, mention -> predicted (gold), km, confidence"]
    for (gold, place), doc_id in ranked:
        notes.append(f"  {doc_id} {gold.phrase!r} -> {place.name}, {place.country_code} {place.precision} "
                     f"(gold {gold.gold_name}, {gold.country} {gold.fclass}.{gold.fcode}) "
                     f"{error_km(gold, place):,.0f} km conf {place.confidence:.2f}")
    unresolved = Counter(f"{g.phrase} ({g.fclass}.{g.fcode})" for g, p in pairs if p.lat is None)
    notes.append("commonest unresolved: " + ", ".join(f"{name} x{n}" for name, n in unresolved.most_common(15)))
    return notes


def end_to_end(articles: list[Article], ignored_kinds: tuple[str, ...] = ()) -> dict[str, float]:
    """Recognition and resolution of the configured recogniser. Gold toponyms of ``ignored_kinds`` are neither
    to be found nor wrong to find: a predicted place overlapping one counts for nothing."""
    from geowire.geo.recognise import make_gazetteer_places
    from geowire.nlp.spacy_nlp import make_spacy_parser

    parser, recogniser = make_spacy_parser(), make_gazetteer_places()
    docs = [Document(id=a.id, text=a.text) for a in articles]
    started = time.perf_counter()
    docs = list(parser.pipe(docs))
    spacy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    docs = [recogniser(d) for d in docs]
    geo_seconds = time.perf_counter() - started
    counts = {"tp_exact": 0, "tp_overlap": 0, "pred": 0, "gold": 0, "pred_overlapping": 0}
    pairs = []
    for article, doc in zip(articles, docs, strict=False):
        toponyms = [t for t in article.toponyms if t.kind not in ignored_kinds]
        ignored = [t for t in article.toponyms if t.kind in ignored_kinds]
        predicted = [p for p in doc.places if not any(p.start < t.end and t.start < p.end for t in ignored)]
        counts["pred"] += len(predicted)
        counts["gold"] += len(toponyms)
        spans = {(p.start, p.end) for p in predicted}
        counts["tp_exact"] += sum((t.start, t.end) in spans for t in toponyms)
        # overlap precision counts places, not gold spans: one place may overlap two gold spans ("X-Y")
        counts["pred_overlapping"] += sum(any(p.start < t.end and t.start < p.end for t in toponyms)
                                          for p in predicted)
        for gold in toponyms:
            hit = next((p for p in predicted if p.start < gold.end and gold.start < p.end), None)
            if hit is not None:
                counts["tp_overlap"] += 1
                if gold.lat is not None:
                    pairs.append((gold, hit))
    out = {}
    for kind in ("exact", "overlap"):
        tp = counts[f"tp_{kind}"]
        right = tp if kind == "exact" else counts["pred_overlapping"]
        precision = right / counts["pred"] if counts["pred"] else 0.0
        recall = tp / counts["gold"] if counts["gold"] else 0.0
        out[f"e2e_{kind}_precision"] = precision
        out[f"e2e_{kind}_recall"] = recall
        out[f"e2e_{kind}_f1"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out.update(resolution_metrics(pairs, "e2e"))
    out["spacy_seconds"] = spacy_seconds
    out["geo_seconds"] = geo_seconds
    out["geo_to_spacy_ratio"] = geo_seconds / spacy_seconds if spacy_seconds else 0.0
    return out


def evaluate(bench: Path, limit: int | None = None, end_to_end_too: bool = True, geovirus: bool = True) -> dict:
    articles = load_articles(bench, limit)
    metrics: dict = {"articles": len(articles), "toponyms": sum(len(a.toponyms) for a in articles)}
    gold_metrics, gold_notes = gold_span_resolution(articles)
    metrics.update(gold_metrics)
    if end_to_end_too:
        metrics.update(end_to_end(articles))
    if geovirus and (bench / GEOVIRUS).exists():
        virus = load_geovirus(bench, limit)
        virus_metrics, virus_notes = gold_span_resolution(virus)
        if end_to_end_too:
            virus_metrics.update(end_to_end(virus))
        metrics["geovirus_articles"] = len(virus)
        metrics.update({f"geovirus_{k}": v for k, v in virus_metrics.items() if "area_as_town" not in k})
        gold_notes += ["GeoVirus:", *virus_notes]
    blind_files = sorted(BLIND_DIR.glob("*.jsonl"))
    if blind_files and limit is None:
        blind = blind_evaluate(blind_files, bench, end_to_end_too)
        gold_notes += blind.pop("notes")
        metrics.update(blind)
    metrics["notes"] = [
        "gold_*: resolution of gold spans given to recognisers.given_spans (oracle NER); toponyms without a gaztag "
        "excluded",
        "gold_class_* / gold_code_*: by the gold GeoNames feature class / code (GeoVirus: L = continent flag)",
        "gold_picked_*: by the precision of the place picked (none = unresolved)",
        "gold_basis_*: by how the place was found (name, demonym, approximate; container, dateline, "
        "document_focus for names the gazetteer lacks)",
        "gold_spans_resolved_share: share of all given spans (with or without gold coordinates) given a place",
        "gold_area_as_town: gold countries/ADM1 resolved to a place whose precision is city or point",
        "e2e_*: recognition against all gold spans; e2e resolution over overlap true positives",
        "auc: mean ln(1+km)/ln(20039), lower is better; unresolved count as 20039 km",
        *gold_notes,
    ]
    return metrics


BLIND_SETS = {"m2e2_voa": "voa", "india_police_events": "india"}
LGL_KINDS = ("place", "metonym")  # what LGL and GeoVirus annotate as toponyms; demonyms and facilities apart


def by_referent(gold: GoldToponym, place) -> tuple[GoldToponym, object]:
    """A country the annotator gave countryinfo's point is right when the country is picked, wherever its point:
    countryinfo's centres are GeoNames' for most countries but not all (the US), and no one point per country
    serves every gazetteer's convention (docs/geo.md, "Country points")."""
    from dataclasses import replace

    if (gold.coord_source == "countryinfo" and gold.country and place.lat is not None
            and place.precision == "country" and place.country_code == gold.country):
        return replace(gold, lat=place.lat, lon=place.lon), place
    return gold, place


def blind_evaluate(paths: list[Path], bench: Path, end_to_end_too: bool = True) -> dict:
    """The blind toponym files, per bench set (prefix ``blind_voa_``, ``blind_india_``): every span given, acc@161
    over place names and metonyms (the figure comparable to LGL's), by kind, class, pick and basis; end to end
    against place names and metonyms, demonyms and facilities counting neither way."""
    metrics: dict = {}
    notes: list[str] = []
    for set_name, articles in load_blind(paths, bench).items():
        prefix = f"blind_{BLIND_SETS.get(set_name, set_name)}_"
        pairs, where, given, placed = resolve_gold_spans(articles)
        headline = [(pair, doc_id) for pair, doc_id in zip(pairs, where, strict=True) if pair[0].kind in LGL_KINDS]
        part = {"articles": len(articles), "toponyms": sum(len(a.toponyms) for a in articles)}
        referent = [by_referent(*pair) for pair, _ in headline]
        part.update(resolution_metrics([pair for pair, _ in headline], "gold"))
        part.update(resolution_metrics(referent, "gold_by_referent"))
        part["gold_spans_given"] = given
        part["gold_spans_resolved_share"] = placed / given if given else 0.0
        for kind in sorted({gold.kind for gold, _ in pairs}):
            part.update(resolution_metrics([(g, p) for g, p in pairs if g.kind == kind], f"gold_kind_{kind}"))
        part.update(breakdown([pair for pair, _ in headline]))
        part.update(confidence_metrics([pair for pair, _ in headline]))
        part["gold_by_referent_confidence_ece"] = confidence_metrics(referent)["gold_confidence_ece"]
        if end_to_end_too:
            part.update(end_to_end(articles, ignored_kinds=("demonym", "facility")))
        metrics.update({prefix + key: value for key, value in part.items() if "area_as_town" not in key})
        notes += [f"{set_name}:", *worst_errors([pair for pair, _ in headline], [doc_id for _, doc_id in headline])]
    metrics["notes"] = notes
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "bench")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--gold-only", action="store_true", help="skip the end-to-end (spaCy) part")
    parser.add_argument("--lgl-only", action="store_true", help="skip GeoVirus")
    parser.add_argument("--blind", type=Path, nargs="+", default=None,
                        help="score blind toponym files (eval/gold/places/*.jsonl) instead of LGL and GeoVirus")
    args = parser.parse_args()
    if args.blind:
        metrics = blind_evaluate(args.blind, args.bench, end_to_end_too=not args.gold_only)
    else:
        metrics = evaluate(args.bench, args.limit, end_to_end_too=not args.gold_only, geovirus=not args.lgl_only)
    for key, value in metrics.items():
        if key == "notes":
            for note in value:
                print(f"# {note}")
        else:
            print(f"{key}\t{value:.4f}" if isinstance(value, float) else f"{key}\t{value}")


if __name__ == "__main__":
    main()
