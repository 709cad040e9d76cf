#!/usr/bin/python3
# Assembles every <dir>/*.jsonl (lines {"name","value","unit"}) into <dir>/report.json and a
# readable <dir>/report.md that states the machine; prints the table. Adds comparisons: each
# timing "<x>_wasm" with a "<x>_native" gets baseline (that name) and ratio (wasm / native).
import datetime
import json
import os
import platform
import subprocess
import sys

TIME_UNITS = {"ns", "us", "ms", "s"}


def read_metrics(directory):
    metrics = []
    files = sorted(f for f in os.listdir(directory) if f.endswith(".jsonl"))
    for name in files:
        path = os.path.join(directory, name)
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    m = json.loads(line)
                    metric = {"name": str(m["name"]), "value": float(m["value"]), "unit": str(m["unit"])}
                except (ValueError, KeyError, TypeError) as e:
                    print(f"bench_report: {path}:{number}: skipped ({e})", file=sys.stderr)
                    continue
                for key in ("baseline", "ratio"):
                    if key in m:
                        metric[key] = m[key]
                metric["source"] = name
                metrics.append(metric)
    return files, metrics


def add_comparisons(metrics):
    by_name = {m["name"]: m for m in metrics}
    for m in metrics:
        if "baseline" in m or not m["name"].endswith("_wasm") or m["unit"] not in TIME_UNITS:
            continue
        base = by_name.get(m["name"][: -len("_wasm")] + "_native")
        if base and base["unit"] == m["unit"] and base["value"] > 0:
            m["baseline"] = base["name"]
            m["ratio"] = round(m["value"] / base["value"], 2)


def machine():
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(f.readline().split()[1])
            memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    node = ""
    try:
        node = subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "node": node,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def format_value(v):
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.1f}" if abs(v) >= 100 else f"{v:.2f}"


def table(metrics):
    rows = ["| benchmark | value | unit | baseline | ratio |", "|---|---:|---|---|---:|"]
    for m in metrics:
        ratio = f"{m['ratio']}×" if "ratio" in m else ""
        rows.append(f"| {m['name']} | {format_value(m['value'])} | {m['unit']} | {m.get('baseline', '')} | {ratio} |")
    return "\n".join(rows)


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "build/bench"
    files, metrics = read_metrics(directory)
    if not metrics:
        print(f"bench_report: no metrics in {directory}/*.jsonl", file=sys.stderr)
        return 1
    add_comparisons(metrics)
    info = machine()

    report = [{k: m[k] for k in ("name", "value", "unit", "baseline", "ratio") if k in m} for m in metrics]
    with open(os.path.join(directory, "report.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
        f.write("\n")

    md = [
        "# Doorplate benchmarks",
        "",
        f"Machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory']} memory, {info['os']}, node {info['node']}.  ",
        f"Date: {info['date']}.  ",
        f"Sources: {', '.join(files)}.",
        "",
        "Ratio: the wasm figure over the native one (same benchmark, same data).",
        "",
        table(metrics),
        "",
    ]
    text = "\n".join(md)
    with open(os.path.join(directory, "report.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
