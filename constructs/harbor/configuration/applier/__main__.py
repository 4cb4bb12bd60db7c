"""Entry point. The Job runs `python3 -I /config/applier`: Python runs the folder's __main__.py.

Why a folder. -I (isolated mode: no PYTHON* variables, no user site-packages, so the standard library
alone) leaves a script's own folder off sys.path, and -m finds nothing since the working directory is
left off too; so neither `python3 -I /config/applier/__main__.py` nor `python3 -I -m applier` could
import the other modules. A folder given as the script is put first on sys.path even under -I.

Why the swap below. Running a folder puts the folder itself on sys.path, which would make each module
top-level, where one named like a standard-library module (`secrets.py`) would replace Python's own.
The modules import each other relatively, as the package `applier`; so this file, which runs as the
top-level module __main__ outside any package, puts the folder's parent on sys.path instead and
imports the package by the folder's name.
"""

import importlib
import os
import sys

if __package__:          # python -m constructs.harbor.configuration.applier, in the repository
    from .main import main
else:                    # python3 -I /config/applier
    folder = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [os.path.dirname(folder), *(entry for entry in sys.path if entry != folder)]
    main = importlib.import_module(os.path.basename(folder) + ".main").main

sys.exit(main())
