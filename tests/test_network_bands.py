"""Travel-time bands per grid cell, with hand-computed answers on the river grid."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from quartiersatlas.network_bands import band_layer, band_of_distances, cell_size, travel_bands
from tests.test_network import CRS, ramp_and_steps, river_grid

SPEED = 6.0  # km/h: 100 m per minute, so 5 / 10 / 15 minutes are 500 / 1,000 / 1,500 m


def test_band_edges_are_inclusive_and_unreached_is_beyond() -> None:
    limits = np.array([500.0, 1000.0, 1500.0])
    d = np.array([0.0, 500.0, 500.001, 1000.0, 1500.0, 1500.5, np.inf])
    assert band_of_distances(d, limits).tolist() == [0, 0, 1, 1, 2, 3, 3]


def test_bands_follow_the_street_round_the_river() -> None:
    net = river_grid()
    place = [[905.0, 300.0]]  # 5 m access leg to node (900, 300)
    cells = [[900.0, 400.0], [500.0, 300.0], [0.0, 500.0], [900.0, 610.0], [0.0, 300.0]]
    bands = travel_bands(net, "walk", place, cells, SPEED)
    # 105 m; 405 m; 5 + 100 + 900 + 100 = 1,105 m; 2,115 m (round by the bridge); 905 m
    assert bands.tolist() == [0, 0, 2, 3, 1]
    # slower: the same distances in more minutes
    assert travel_bands(net, "walk", place, cells, 3.0).tolist() == [0, 1, 3, 3, 3]


def test_wheelchair_bands_take_the_ramp() -> None:
    net = ramp_and_steps()
    # steps: 20 m on foot; the ramp round: 100 m; 1 km/h = 16.7 m per minute
    walk = travel_bands(net, "walk", [[0.0, 0.0]], [[0.0, 20.0]], 1.0, minutes=(2, 6, 10))
    wheel = travel_bands(net, "wheelchair", [[0.0, 0.0]], [[0.0, 20.0]], 1.0, minutes=(2, 6, 10))
    assert walk.tolist() == [0]
    assert wheel.tolist() == [1]


def test_bad_speed_or_minutes_are_refused() -> None:
    net = river_grid()
    with pytest.raises(ValueError, match="speed"):
        travel_bands(net, "walk", [[0.0, 0.0]], [[0.0, 0.0]], 0.0)
    with pytest.raises(ValueError, match="increasing"):
        travel_bands(net, "walk", [[0.0, 0.0]], [[0.0, 0.0]], 5.0, minutes=(10, 5))


def test_layer_unites_each_bands_cells_and_counts_cumulatively() -> None:
    cells = pd.DataFrame(
        {
            "x": [50.0, 150.0, 250.0, 350.0],
            "y": [50.0, 50.0, 50.0, 50.0],
            "residents": [10.0, 20.0, np.nan, 40.0],
        }
    )
    layer = band_layer(cells, [0, 0, 1, 3], (5, 10, 15), CRS)
    assert layer["minutes"].tolist() == [5.0, 10.0, 15.0]
    assert layer["cells"].tolist() == [2, 3, 3]
    assert layer["residents"].tolist() == [30.0, 30.0, 30.0]  # unknown counts 0
    first, second, third = layer.geometry
    # two cells, one area; each square reaches 2 m (2 % of 100 m) into its neighbours
    assert shapely.equals(first, shapely.box(-2, -2, 202, 102))
    # the 2 m the second band would reach into the first stay the first band's
    assert shapely.equals(second, shapely.box(202, -2, 302, 102))
    assert shapely.intersection(first, second).area == 0
    assert third.is_empty
    assert layer.crs == CRS


def test_cell_size_is_the_grid_step_also_when_turned() -> None:
    grid = pd.DataFrame({"x": [50.0, 150.0, 450.0, 150.0], "y": [0.0, 0.0, 0.0, 100.0]})
    assert cell_size(grid) == 100.0
    # a 100 m grid turned by 1.5 degrees (EPSG:3035 cells seen in UTM): still 100 m
    a = np.radians(1.5)
    gx, gy = np.meshgrid(np.arange(10) * 100.0, np.arange(10) * 100.0)
    x = gx.ravel() * np.cos(a) - gy.ravel() * np.sin(a) + 443_210.7
    y = gx.ravel() * np.sin(a) + gy.ravel() * np.cos(a) + 5_881_869.4
    assert cell_size(pd.DataFrame({"x": x, "y": y})) == 100.0
    km = pd.DataFrame({"x": [500.0, 1500.0], "y": [500.0, 500.0]})
    assert cell_size(km) == 1000.0
    assert cell_size(pd.DataFrame({"x": [5.0], "y": [5.0]})) == 100.0
