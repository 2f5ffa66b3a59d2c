#!/usr/bin/env python3
"""Generates N realistic plan files for the validate benchmark.

Each file is the complete Japanese example with its own client, extra tasks (10-60), personas,
communication items and data sources, so sizes vary like real plans (about 8-25 KB).
Deterministic: the same seed gives the same files.
usage: generate.py OUT_DIR [COUNT] [SEED]
"""
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
template = open(os.path.join(here, "..", "..", "config-examples", "ja-manufacturer.yaml"), encoding="utf-8").read()

TASKS = ["展示会リードの取り込み", "ウェビナー集客メール", "スコアリング見直し", "休眠顧客の掘り起こし",
         "Web フォーム改修", "営業向け通知設定", "配信停止ページ改修", "ダッシュボード作成",
         "コンテンツ棚卸し", "インサイドセールス架電リスト作成", "同意文言の改訂", "名刺データ整備"]
OWNERS = ["marketing", "inside_sales", "sales", "it", "legal"]
STATUSES = ["todo", "in_progress", "done", "blocked"]


def extra_tasks(rng, n):
    out = []
    for i in range(n):
        owner = rng.choice(OWNERS)
        others = [o for o in OWNERS if o != owner]
        rng.shuffle(others)
        roles = ", ".join([f"{owner}: 主担当"] + [f"{o}: 共有" for o in others[: rng.randint(1, 3)]])
        out.append(
            f"  - name: {rng.choice(TASKS)} {i + 1}\n"
            f"    step: {rng.randint(1, 7)}\n"
            f"    roles: {{ {roles} }}\n"
            f"    status: {rng.choice(STATUSES)}\n"
            f"    due: 2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n")
    return "".join(out)


def main():
    out_dir = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(out_dir, exist_ok=True)
    for n in range(count):
        text = template.replace("産業機器メーカーA社", f"取引先{n:04d}社").replace("client: A社", f"client: 取引先{n:04d}社")
        text = text.replace("\n# ---- 3. ターゲットの設定 ----", extra_tasks(rng, rng.randint(10, 60)) + "\n# ---- 3. ターゲットの設定 ----")
        with open(os.path.join(out_dir, f"plan-{n:04d}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
