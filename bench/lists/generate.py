#!/usr/bin/env python3
"""Generates realistic Japanese B2B contact lists for the lists benchmark.

Usage: generate.py ROWS OUT.csv [--cp932] [--seed N]

Rows: an ID, email, company (with 株式会社 / ㈱ / (株) spelled the ways real exports mix them),
last and first name in kanji, phone, consent status/source/date. About 5% of rows repeat an earlier
contact (half written identically, half with different case/spacing), 3% opted out, 5% without
consent, 2% broken addresses (a..b@, missing @, 255 characters). Deterministic for a given seed.
"""
import argparse
import random

SURNAMES = "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水 山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本".split()
ROMAJI = "sato suzuki takahashi tanaka ito watanabe yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi saito shimizu yamazaki mori ikeda hashimoto abe ishikawa yamashita nakajima ishii ogawa maeda okada hasegawa fujita goto kondo murakami endo aoki sakamoto".split()
GIVEN = "太郎 次郎 花子 陽子 健一 誠 大輔 直樹 美咲 さくら 翔太 結衣 拓也 愛 浩二 恵 亮 真由美 一郎 由美".split()
GIVEN_R = "taro jiro hanako yoko kenichi makoto daisuke naoki misaki sakura shota yui takuya ai koji megumi ryo mayumi ichiro yumi".split()
PLACES = "東京 大阪 名古屋 札幌 福岡 横浜 神戸 京都 仙台 広島 千葉 埼玉 静岡 新潟 岡山".split()
INDUSTRY = "商事 物産 工業 製作所 電機 システム 技研 化学 建設 運輸 ソフト 精機 食品 薬品 通信".split()
FORMS = ["株式会社{}", "{}株式会社", "㈱{}", "（株）{}", "{}(株)", "有限会社{}"]
SOURCES = ["展示会", "Web フォーム", "名刺", "セミナー", "資料請求"]
FREE = ["gmail.com", "yahoo.co.jp", "docomo.ne.jp"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--cp932", action="store_true", help="write CP932 with CRLF, as Excel does")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    companies = []
    for i in range(max(50, args.rows // 20)):
        name = rnd.choice(PLACES) + rnd.choice(INDUSTRY) + ("" if i < 200 else str(i))
        companies.append((name, f"c{i}.example.co.jp"))
    rows = []
    for i in range(args.rows):
        roll = rnd.random()
        if rows and roll < 0.05:
            dup = list(rnd.choice(rows[-5000:]))
            dup[0] = f"L{i:08d}"
            if rnd.random() < 0.5:  # written differently
                dup[1] = " " + dup[1].upper() + " "
            rows.append(dup)
            continue
        s = rnd.randrange(len(SURNAMES))
        g = rnd.randrange(len(GIVEN))
        cname, domain = rnd.choice(companies)
        company = rnd.choice(FORMS).format(cname)
        email = f"{GIVEN_R[g]}.{ROMAJI[s]}{i}@{domain if rnd.random() > 0.04 else rnd.choice(FREE)}"
        bad = rnd.random()
        if bad < 0.007:
            email = email.replace(".", "..", 1)
        elif bad < 0.014:
            email = email.replace("@", "", 1)
        elif bad < 0.02:
            email = "x" * (255 - len(email) + email.index("@")) + email[email.index("@"):]
        c = rnd.random()
        consent = "" if c < 0.05 else ("opt-out" if c < 0.08 else rnd.choice(["同意", "opt-in"]))
        source = "" if not consent else rnd.choice(SOURCES)
        date = f"2026-{rnd.randint(1, 10):02d}-{rnd.randint(1, 28):02d}" if consent else ""
        phone = f"0{rnd.randint(3, 9)}-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}"
        rows.append([f"L{i:08d}", email, company, SURNAMES[s], GIVEN[g], phone, consent, source, date])
    header = ["顧客ID", "メールアドレス", "会社名", "姓", "名", "電話番号", "メール配信同意", "同意取得元", "同意日時"]
    newline = "\r\n" if args.cp932 else "\n"
    with open(args.out, "w", encoding="cp932" if args.cp932 else "utf-8", newline="") as f:
        for r in [header] + rows:
            f.write(",".join(r) + newline)


if __name__ == "__main__":
    main()
