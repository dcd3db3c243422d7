"""Batch mode: many inputs processed by Spark into Parquet tables, and those
tables loaded into a store.

    cable batch INPUT... --out DIR [--master local[2]|spark://HOST:7077]
    cable load DIR --db cable.db

``slices`` splits the inputs into work a task does on its own with the local
runner's code (``process_many``); ``tables`` lays out the rows; ``spark`` runs
the job (PySpark is the optional extra ``cable[spark]``); ``load`` reads the
output back with pyarrow.
"""

from .load import load_output
from .slices import Slice, plan_slices, process_slices, slice_items
from .tables import COLUMNS, PARTITION, TABLES, result_rows

__all__ = ["COLUMNS", "PARTITION", "Slice", "TABLES", "load_output", "plan_slices", "process_slices",
           "result_rows", "slice_items"]
