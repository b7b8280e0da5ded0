"""Write the input files of the io corpus programs into data/.

Run from this folder: `python gen_data.py` (the oracle's expected.sh runs it
before the programs when given this folder). Needs pandas and pyarrow for
the parquet files; every file is a pure function of the code below. Also
creates the empty out/ folder that programs write into.
"""
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def people():
    # Missing values in a str column (empty fields, NA markers) and in an
    # int column (read as float64); quoted fields with commas and quotes.
    rows = ["name,city,age,score,member"]
    cities = ["Lisbon", '"Porto, North"', "", "Faro", '"Evora ""old"""', "NA"]
    for i in range(40):
        name = "" if i % 7 == 3 else f"p{i:02d}"
        age = "" if i % 5 == 2 else str(20 + (i * 13) % 50)
        score = f"{(i * 37) % 100 / 4:.2f}"
        member = "True" if i % 3 else "False"
        rows.append(f"{name},{cities[i % len(cities)]},{age},{score},{member}")
    with open(os.path.join(DATA, "people.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")


def readings():
    # A headerless ';' file after two comment lines.
    lines = ["# exported", "# station;value;flag"]
    for i in range(30):
        lines.append(f"s{i % 4};{i * 1.5};{'yes' if i % 2 else 'no'}")
    with open(os.path.join(DATA, "readings.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def orders():
    n = 50
    df = pd.DataFrame({
        "order": range(n),
        "shop": [None if i % 9 == 4 else f"shop{i % 3}" for i in range(n)],
        "amount": [float("nan") if i % 11 == 5 else i * 2.5 for i in range(n)],
        "paid": [i % 4 != 0 for i in range(n)],
    })
    df.to_parquet(os.path.join(DATA, "orders.pq"), index=False)
    parts = os.path.join(DATA, "orders_parts")
    os.makedirs(parts, exist_ok=True)
    for k, lo in enumerate(range(0, n, 20)):
        df.iloc[lo:lo + 20].reset_index(drop=True).to_parquet(os.path.join(parts, f"part-{k}.parquet"))


os.makedirs(DATA, exist_ok=True)
os.makedirs(os.path.join(HERE, "out"), exist_ok=True)
people()
readings()
orders()
