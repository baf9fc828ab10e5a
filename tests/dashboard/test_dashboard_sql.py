"""Filters: their URL form and their SQL; the aggregations the pages show, on a hand-made table."""
from __future__ import annotations

from datetime import date

import pytest

from extract.dashboard import queries
from extract.dashboard.filters import Filters


def ids(con, filters: Filters) -> set[str]:
    where, params = filters.where()
    sql = f"SELECT figure_id FROM {queries.source(con)} WHERE {where}"
    return {r[0] for r in con.cursor().execute(sql, params).fetchall()}


FULL = Filters(province=("江苏省",), city=("南通市",), county=("南通市/海门区", "南通市/启东市"),
               metric=("total_investment",), stage=("signed", "started"), kind="money", target="target",
               strength="hard", deadline_from=date(2023, 1, 1), deadline_to=date(2023, 12, 31),
               doc_from=date(2023, 1, 1), doc_to=date(2023, 2, 1), search="签约")


def test_url_round_trip_keeps_every_field():
    params = FULL.to_query_params()
    assert params["county"] == ["南通市/海门区", "南通市/启东市"]
    assert params["deadline_from"] == "2023-01-01" and params["q"] == "签约"
    assert Filters.from_query_params(params) == FULL


def test_default_filter_has_a_plain_url():
    assert Filters().to_query_params() == {}
    assert Filters.from_query_params({}) == Filters()


def test_url_values_that_do_not_parse_are_dropped():
    parsed = Filters.from_query_params({"kind": "gold", "deadline_to": "31/12/2023", "county": "南通市/海门区",
                                        "target": "fact"})
    assert parsed == Filters(county=("南通市/海门区",), target="fact")


def test_every_filter_narrows_in_sql(figures_con):
    assert ids(figures_con, FULL) == {"a1"}
    assert ids(figures_con, Filters(kind="count")) == {"a3"}
    assert ids(figures_con, Filters(target="fact")) == {"a3", "a5", "a6"}   # unknown (None) is neither
    assert ids(figures_con, Filters(strength="soft")) == {"a2"}
    assert ids(figures_con, Filters(metric=("investment",))) == {"a5", "a6"}
    assert ids(figures_con, Filters(search="外资")) == {"a4"}


def test_county_key_keeps_namesakes_apart(figures_con):
    assert ids(figures_con, Filters(county=("南京市/鼓楼区",))) == {"a5"}
    assert ids(figures_con, Filters(county=("南京市/鼓楼区", "徐州市/鼓楼区"))) == {"a5", "a6"}


def test_date_ranges_leave_out_unknown_and_partial_dates(figures_con):
    assert ids(figures_con, Filters(deadline_to=date(2023, 6, 30))) == {"a2"}
    assert ids(figures_con, Filters(deadline_from=date(2024, 1, 1))) == {"a4"}
    # doc_date "2024-02" is not a day: a date range cannot say it falls inside
    assert ids(figures_con, Filters(doc_from=date(2024, 1, 1))) == set()


def test_headline_adds_cny_amounts_but_not_thresholds_or_dollars(figures_con):
    head = queries.headline(figures_con, Filters())
    assert head["figures"] == 7 and head["documents"] == 3 and head["targets"] == 3
    assert head["amount"] == pytest.approx(5e9 + 2e8 + 7e8 + 4e8)
    assert head["count"] == 12


def test_by_region_per_city_and_drill_down(figures_con):
    cities = queries.by_region(figures_con, Filters(), "city", "metric", "amount")
    totals = cities.groupby("region")["value"].sum().to_dict()
    assert totals == {"": 4e8, "南京市": 2e8, "南通市": 5e9, "徐州市": 7e8}
    counties = queries.by_region(figures_con, Filters(), "county", "stage", "figures", "南通市")
    assert counties.groupby("region")["value"].sum().to_dict() == {"南通市/海门区": 2, "南通市/启东市": 2}


def test_options_cascade_from_the_parent_region(figures_con):
    assert queries.options(figures_con, Filters(city=("徐州市",)), "county") == ["徐州市/鼓楼区"]
    assert queries.options(figures_con, Filters(), "city") == ["南京市", "南通市", "徐州市"]


def test_facets_count_the_filtered_figures(figures_con):
    facets = queries.facets(figures_con, Filters(city=("南通市",)))
    assert facets["region"].set_index("value")["n"].to_dict() == {"南通市/海门区": 2, "南通市/启东市": 2}
    assert facets["year"].set_index("value")["n"].to_dict() == {"2023": 3, "": 1}     # 2024-02 is no day
    assert facets["is_target"].set_index("value")["n"].to_dict() == {"target": 3, "result": 1}
    assert facets["metric"]["n"].sum() == 4


def test_map_values_and_figures_above_county(figures_con):
    per_county = queries.by_county(figures_con, Filters(), "amount").set_index(["city", "county"])
    assert per_county.loc[("徐州市", "鼓楼区"), "value"] == 7e8
    assert queries.figures_above_county(figures_con, Filters()) == 1
