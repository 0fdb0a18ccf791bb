"""Figures checked by hand against the research notes (../shared/research): each expectation was written from the
note's row (value, period, comparison as printed) by the rules of the README, not copied from the build's output.

Columns: research file and row id, the page's URL as the notes give it, the observation, measure, value, interval,
period. Bounds follow the README: half a unit of the last significant digit (trailing zeros of a large integer are
not significant; percentages keep theirs); "hơn"/"trên"/">" open the upper side; "nearly"/"about" keep the interval.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import lso_analysis as lso
from lso_analysis.dataset.research import url_key

NAN = math.nan
F, D = "lso_figures.md", "lso_digital_covid.md"
CTK_Q2_2020 = "http://cucthongkelangson.gov.vn/bao-cao-kinh-te-xa-hoi-quy/tinh-hinh-kinh-te-xa-hoi-tinh-lang-son-quy-ii-nam-2020-75.html"
VP_2020 = "https://vanphong.langson.gov.vn/en/node/63536"
CTK_H1_2021 = "http://cucthongkelangson.gov.vn/tinh-hinh-kinh-te-xa-hoi/tinh-hinh-kinh-te-xa-hoi-thang-6-quy-ii-va-6-thang-dau-nam-2021-166.html"
CTK_2022 = "http://cucthongkelangson.gov.vn/tinh-hinh-kinh-te-xa-hoi/tinh-hinh-kinh-te-xa-hoi-thang-12-quy-iv-va-nam-2022-tinh-lang-s-319.html"
CTK_H1_2023 = "http://cucthongkelangson.gov.vn/bao-cao-kinh-te-xa-hoi-quy/tinh-hinh-kinh-te-xa-hoi-thang-6-quy-ii-va-6-thang-dau-nam-2023-359.html"
VBF_2024 = "https://lforum.biz/establishing-lang-son-as-growth-pole-economic-hub-in-northern-midland-and-mountainous-region.html"
SHIPBOLT = "https://shipbolt.vn/lang-son-busy-with-import-and-export-of-goods-after-peak-period-of-covid-19/"
PLO = "https://plo.vn/kinh-te/khan-cap-giai-cuu-6200-xe-hang-ket-o-cua-khau-1034937.html"
VCN_H1 = "https://english.haiquanonline.com.vn/lang-son-customs-revenue-reduces-by-471-year-on-year-23150.html"
VCN_SEP = "https://english.haiquanonline.com.vn/lang-son-customs-faces-many-difficulties-in-state-budget-collection-24030.html"
SKHDT_11 = "http://sokhdt.langson.gov.vn/tinh-hinh-kinh-te-xa-hoi-thang-11-nam-2022"
VHPT = "https://www.vanhoavaphattrien.vn/index.php/c/nong-nghiep-moi?page=2"
VNPLUS_17 = "https://en.vietnamplus.vn/lang-son-posts-17-billion-usd-in-goods-trade-via-border-gates/247760.vnp"
DANVIET = "https://danviet.vn/xuat-nhap-khau-dip-tet-tai-cac-cua-khau-o-lang-son-lam-het-viec-chu-khong-lam-het-gio-20240206214110782.htm"
VCN_2019_23 = ("https://english.haiquanonline.com.vn/lang-son-customs-effectively-performs-at-border-gate-deputy-director-"
               "general-of-vietnam-customs-luu-manh-tuong-27454.html")
CTK_9M_2023 = "https://cucthongkelangson.gov.vn/bao-cao-kinh-te-xa-hoi-quy/tinh-hinh-kinh-te-xa-hoi-thang-9-quy-iii-va-9-thang-nam-2023-380.html"
MPI = "https://chuyendoiso.mpi.gov.vn/Pages/tinbaitonghop.aspx?idTin=56352&idcm=507"
CTK_02_2023 = ("http://cucthongkelangson.gov.vn/savefile/bao-cao-kinh-te-xa-hoi-thang/tinh-hinh-kinh-te-xa-hoi-tinh-lang-son-"
               "thang-02-va-2-thang-dau-nam-2023-335.html")
CTK_08_2023 = "http://cucthongkelangson.gov.vn/bao-cao-kinh-te-xa-hoi-thang/tinh-hinh-kinh-te-xa-hoi-thang-8-va-8-thang-nam-2023-376.html"
CTK_11_2023 = "https://cucthongkelangson.gov.vn/tinh-hinh-kinh-te-xa-hoi/tinh-hinh-kinh-te-xa-hoi-thang-11-va-11-thang-nam-2023-385.html"
CTK_Q1_2022 = "http://cucthongkelangson.gov.vn/tinh-hinh-kinh-te-xa-hoi/tinh-hinh-kinh-te-xa-hoi-thang-3-va-quy-i-nam-2022-247.html"
CAFEF = ("https://cafef.vn/dien-mao-tinh-co-hon-200-km-duong-bien-gioi-dang-xay-dung-2-cao-toc-tri-gia-25000-ty-hua-hen-"
         "phat-trien-but-pha-1882411191137534.chn")
BLS_DTI = ("https://baolangson.vn/khoa-hoc-tin-hoc/cong-nghe/455867-llang-son-dung-thu-16-ve-chuyen-doi-so-va-co-100-dich-"
           "vu-cong-du-dieu-kien-len-muc-do-4.html")
BLS_PCI = "https://baolangson.vn/kinh-te/574188-lang-son-xep-thu-15-63-tinh-thanh-ve-chi-so-nang-luc-canh-tranh-cap-tinh-nam-2022.html"
VP_FEB_2022 = "https://vanphong.langson.gov.vn/vi/thang-02-nam-2022-trung-tam-phuc-vu-hanh-chinh-cong-tinh-giai-quyet-7028-ho-so"
LS_EN_2020 = "https://english.langson.gov.vn/lang-son-province-among-group-12-ministries-provinces-reaching-provision-30-online-public-services"
THANHNIEN = "https://thanhnien.vn/lang-son-tiem-vac-xin-sinopharm-cho-nguoi-dan-giap-bien-1851096370.htm"
TUOITRE = ("https://tuoitrenews.vn/news/business/20211219/thousands-of-fruitcarrying-trucks-stranded-at-vietnamchina-border-"
           "gates-over-sluggish-produce-clearance/64798.html")

H1_20, Y20, H1_21, Y22, H1_23, Y23 = ("2020-01-01", "2020-06-30"), ("2020-01-01", "2020-12-31"), ("2021-01-01", "2021-06-30"), \
    ("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-06-30"), ("2023-01-01", "2023-12-31")
M10_21, NOV_22, M11_22 = ("2021-01-01", "2021-10-31"), ("2022-11-01", "2022-11-30"), ("2022-01-01", "2022-11-30")
TO_0630_22, TO_0920_22 = ("2022-01-01", "2022-06-30"), ("2022-01-01", "2022-09-20")

# (file, row, url, obs_id, measure, value, low, high, (period start, end))
ROWS = [
    (F, "G1", CTK_Q2_2020, "ctkls-20200630-ktxh-quy-ii-2020#1", "growth_pct", 0.47, 0.465, 0.475, H1_20),
    (F, "G2", VP_2020, "vpubndls-20200000-nq01-results-2020#1", "growth_pct", 2.03, 2.025, 2.035, Y20),
    (F, "G3", VP_2020, "vpubndls-20200000-nq01-results-2020#2", "growth_pct", 3.18, 3.175, 3.185, Y20),
    (F, "G4", VP_2020, "vpubndls-20200000-nq01-results-2020#3", "growth_pct", 2.81, 2.805, 2.815, Y20),
    (F, "G5", VP_2020, "vpubndls-20200000-nq01-results-2020#4", "growth_pct", 1.17, 1.165, 1.175, Y20),
    (F, "G6", VP_2020, "vpubndls-20200000-nq01-results-2020#5", "growth_pct", 1.61, 1.605, 1.615, Y20),
    (F, "G8", CTK_H1_2021, "ctkls-20210726-ktxh-6-thang-2021#1", "growth_pct", 6.72, 6.715, 6.725, H1_21),
    (F, "G9", CTK_H1_2021, "ctkls-20210726-ktxh-6-thang-2021#2", "growth_pct", 5.27, 5.265, 5.275, H1_21),
    (F, "G9", CTK_H1_2021, "ctkls-20210726-ktxh-6-thang-2021#3", "level", 1.15, 1.145, 1.155, H1_21),
    (F, "G10", CTK_H1_2021, "ctkls-20210726-ktxh-6-thang-2021#4", "growth_pct", 7.23, 7.225, 7.235, H1_21),
    (F, "G11", CTK_H1_2021, "ctkls-20210726-ktxh-6-thang-2021#6", "growth_pct", 7.20, 7.195, 7.205, H1_21),
    (F, "G12", CTK_H1_2021, "ctkls-20210726-ktxh-6-thang-2021#8", "growth_pct", 5.92, 5.915, 5.925, H1_21),
    (F, "G13", CTK_2022, "ctkls-20221228-ktxh-nam-2022#1", "growth_pct", 7.22, 7.215, 7.225, Y22),
    (F, "G14", CTK_2022, "ctkls-20221228-ktxh-nam-2022#2", "level", 22683, 22682.5, 22683.5, Y22),
    (F, "G15", CTK_H1_2023, "ctkls-20230630-ktxh-6-thang-2023#1", "growth_pct", 5.32, 5.315, 5.325, H1_23),
    (F, "G16", VBF_2024, "vbf-20240415-growth-pole-interview#1", "growth_pct", 7.0, 6.95, 7.05, Y23),
    (F, "G17", VBF_2024, "vbf-20240415-growth-pole-interview#2", "growth_pct", 6.55, 6.545, 6.555, Y23),
    (F, "G18", VBF_2024, "vbf-20240415-growth-pole-interview#3", "growth_pct", 8.18, 8.175, 8.185, Y23),
    (F, "G19", VBF_2024, "vbf-20240415-growth-pole-interview#4", "growth_pct", 6.77, 6.765, 6.775, Y23),
    (F, "G20", VBF_2024, "vbf-20240415-growth-pole-interview#5", "growth_pct", 5.39, 5.385, 5.395, Y23),
    (F, "G21", VBF_2024, "vbf-20240415-growth-pole-interview#6", "level", 59.8, 59.75, 59.85, Y23),
    (F, "B5", VBF_2024, "vbf-20240415-growth-pole-interview#7", "level", 7806.6, 7806.55, 7806.65, Y23),
    (F, "X2", SHIPBOLT, "shipbolt-20211100-xnk-ten-months-2021#1", "level", 3450, 3445, 3455, M10_21),
    (F, "X2", SHIPBOLT, "shipbolt-20211100-xnk-ten-months-2021#2", "growth_pct", 52.7, 52.65, 52.75, M10_21),
    (F, "X3", SHIPBOLT, "shipbolt-20211100-xnk-ten-months-2021#3", "level", 1090, 1085, 1095, M10_21),
    (F, "X3", SHIPBOLT, "shipbolt-20211100-xnk-ten-months-2021#4", "growth_pct", 11.2, 11.15, 11.25, M10_21),
    (F, "X4", SHIPBOLT, "shipbolt-20211100-xnk-ten-months-2021#5", "level", 2360, 2355, 2365, M10_21),
    (F, "X4", SHIPBOLT, "shipbolt-20211100-xnk-ten-months-2021#6", "growth_pct", 84.4, 84.35, 84.45, M10_21),
    (F, "X5", SHIPBOLT, "shipbolt-20211100-xnk-ten-months-2021#7", "level", 390, 385, 395, ("2021-10-01", "2021-10-31")),
    (F, "X6", PLO, "plo-20211200-6200-trucks-stuck#1", "level", 121.65, 121.645, 121.655, ("2021-12-01", "2021-12-15")),
    (F, "X6", PLO, "plo-20211200-6200-trucks-stuck#3", "growth_pct", -32.7, -32.75, -32.65, ("2021-12-01", "2021-12-15")),
    (F, "K4", PLO, "plo-20211200-6200-trucks-stuck#4", "level", 4461, 4460.5, 4461.5, ("2021-12-21", "2021-12-21")),
    (F, "X7", VCN_H1, "vcn-20220600-customs-revenue-h1#1", "level", 1077.6, 1077.55, 1077.65, TO_0630_22),
    (F, "X7", VCN_H1, "vcn-20220600-customs-revenue-h1#2", "growth_pct", -49.3, -49.35, -49.25, TO_0630_22),
    (F, "X8", VCN_H1, "vcn-20220600-customs-revenue-h1#3", "level", 262, 261.5, 262.5, TO_0630_22),
    (F, "X9", VCN_H1, "vcn-20220600-customs-revenue-h1#4", "level", 815.6, 815.55, 815.65, TO_0630_22),
    (F, "X10", VCN_H1, "vcn-20220600-customs-revenue-h1#5", "level", 10490, 10485, 10495, TO_0630_22),
    (F, "B1", VCN_H1, "vcn-20220600-customs-revenue-h1#6", "level", 2270, 2265, 2275, TO_0630_22),
    (F, "B1", VCN_H1, "vcn-20220600-customs-revenue-h1#7", "plan_pct", 41.2, 41.15, 41.25, TO_0630_22),
    (F, "B1", VCN_H1, "vcn-20220600-customs-revenue-h1#8", "growth_pct", -47.1, -47.15, -47.05, TO_0630_22),
    (F, "X11", VCN_SEP, "vcn-20220900-budget-collection-difficulties#1", "level", 1900, 1850, 1950, TO_0920_22),
    (F, "X11", VCN_SEP, "vcn-20220900-budget-collection-difficulties#2", "growth_pct", -33.2, -33.25, -33.15, TO_0920_22),
    (F, "B2", VCN_SEP, "vcn-20220900-budget-collection-difficulties#3", "level", 3119, 3118.5, 3119.5, TO_0920_22),
    (F, "B2", VCN_SEP, "vcn-20220900-budget-collection-difficulties#4", "plan_pct", 56.71, 56.705, 56.715, TO_0920_22),
    (F, "B2", VCN_SEP, "vcn-20220900-budget-collection-difficulties#5", "growth_pct", -44, -44.5, -43.5, TO_0920_22),
    (F, "B3", VCN_SEP, "vcn-20220900-budget-collection-difficulties#6", "level", 151.5, 151.45, 151.55, TO_0920_22),
    (F, "X12", SKHDT_11, "skhdtls-20221100-ktxh-thang-11-2022#1", "level", 290, 285, 295, NOV_22),
    (F, "X13", SKHDT_11, "skhdtls-20221100-ktxh-thang-11-2022#4", "level", 2695, 2694.5, 2695.5, M11_22),
    (F, "X13", SKHDT_11, "skhdtls-20221100-ktxh-thang-11-2022#5", "plan_pct", 49, 48.5, 49.5, M11_22),
    (F, "X13", SKHDT_11, "skhdtls-20221100-ktxh-thang-11-2022#6", "growth_pct", -31.6, -31.65, -31.55, M11_22),
    (F, "X14", SKHDT_11, "skhdtls-20221100-ktxh-thang-11-2022#7", "level", 745, 744.5, 745.5, M11_22),
    (F, "X14", SKHDT_11, "skhdtls-20221100-ktxh-thang-11-2022#8", "plan_pct", 34.8, 34.75, 34.85, M11_22),
    (F, "X14", SKHDT_11, "skhdtls-20221100-ktxh-thang-11-2022#9", "growth_pct", -40.4, -40.45, -40.35, M11_22),
    (F, "X15", SKHDT_11, "skhdtls-20221100-ktxh-thang-11-2022#10", "level", 1950, 1945, 1955, M11_22),
    (F, "X15", SKHDT_11, "skhdtls-20221100-ktxh-thang-11-2022#11", "plan_pct", 58, 57.5, 58.5, M11_22),
    (F, "X15", SKHDT_11, "skhdtls-20221100-ktxh-thang-11-2022#12", "growth_pct", -27.5, -27.55, -27.45, M11_22),
    (F, "X16", VHPT, "vhpt-20230000-local-exports-2022#1", "level", 142, 142, NAN, Y22),
    (F, "X16", VHPT, "vhpt-20230000-local-exports-2022#2", "growth_pct", 9.23, 9.225, 9.235, Y22),
    (F, "X17", VNPLUS_17, "vnplus-20230202-trade-17-billion#1", "level", 1700, 1650, 1750, ("2023-01-01", "2023-01-31")),
    (F, "X18", VNPLUS_17, "vnplus-20230202-trade-17-billion#2", "level", 111, 110.5, 111.5, ("2023-01-01", "2023-01-31")),
    (F, "X18", VNPLUS_17, "vnplus-20230202-trade-17-billion#3", "growth_pct", 27, 26.5, 27.5, ("2023-01-01", "2023-01-31")),
    (F, "X24", DANVIET, "danviet-20240200-xnk-tet#1", "level", 51990.563, 51990.5625, 51990.5635, Y23),
    (F, "X24", DANVIET, "danviet-20240200-xnk-tet#2", "growth_pct", 81.84, 81.835, 81.845, Y23),
    (F, "X25", DANVIET, "danviet-20240200-xnk-tet#3", "level", 4975, 4974.5, 4975.5, Y23),
    (F, "X25", DANVIET, "danviet-20240200-xnk-tet#4", "plan_pct", 130.9, 130.85, 130.95, Y23),
    (F, "X25", DANVIET, "danviet-20240200-xnk-tet#5", "growth_pct", 62.6, 62.55, 62.65, Y23),
    (F, "X26", DANVIET, "danviet-20240200-xnk-tet#6", "level", 2750, 2745, 2755, Y23),
    (F, "X26", DANVIET, "danviet-20240200-xnk-tet#7", "plan_pct", 211.5, 211.45, 211.55, Y23),
    (F, "X27", DANVIET, "danviet-20240200-xnk-tet#9", "level", 2225, 2224.5, 2225.5, Y23),
    (F, "X27", DANVIET, "danviet-20240200-xnk-tet#10", "plan_pct", 89, 88.5, 89.5, Y23),
    (F, "X28", DANVIET, "danviet-20240200-xnk-tet#12", "level", 156, 155.5, 156.5, Y23),
    (F, "X28", DANVIET, "danviet-20240200-xnk-tet#13", "plan_pct", 101.3, 101.25, 101.35, Y23),
    (F, "X29", DANVIET, "danviet-20240200-xnk-tet#15", "level", 1225, 1100, 1350, Y23),
    (F, "X30", VCN_2019_23, "vcn-20230800-customs-performance-2019-2023#1", "level", 14468.2, 14468.15, 14468.25,
     ("2019-01-01", "2023-07-31")),
    (F, "B6", VCN_2019_23, "vcn-20230800-customs-performance-2019-2023#2", "level", 23002.85, 23002.845, 23002.855,
     ("2019-01-01", "2023-07-31")),
    (F, "B4", CTK_9M_2023, "ctkls-20230928-ktxh-9-thang-2023#1", "level", 5674.1, 5674.05, 5674.15, ("2023-01-01", "2023-09-30")),
    (F, "B4", CTK_9M_2023, "ctkls-20230928-ktxh-9-thang-2023#2", "plan_pct", 70.1, 70.05, 70.15, ("2023-01-01", "2023-09-30")),
    (F, "B4", CTK_9M_2023, "ctkls-20230928-ktxh-9-thang-2023#3", "plan_pct", 69.2, 69.15, 69.25, ("2023-01-01", "2023-09-30")),
    # "bằng 105,3% so với cùng kỳ": an index of 105,3 is growth of 5,3% (recorded correction)
    (F, "B4", CTK_9M_2023, "ctkls-20230928-ktxh-9-thang-2023#4", "growth_pct", 5.3, 5.25, 5.35, ("2023-01-01", "2023-09-30")),
    (F, "R1", MPI, "mpi-20221100-repost-ctk-nov-2022#1", "level", 1906.5, 1906.45, 1906.55, NOV_22),
    (F, "R1", MPI, "mpi-20221100-repost-ctk-nov-2022#2", "growth_pct", 3.58, 3.575, 3.585, NOV_22),
    (F, "R1", MPI, "mpi-20221100-repost-ctk-nov-2022#3", "growth_pct", 17.56, 17.555, 17.565, NOV_22),
    (F, "R2", CTK_02_2023, "ctkls-20230200-ktxh-thang-02-2023#1", "level", 237.5, 237.45, 237.55, ("2023-02-01", "2023-02-28")),
    (F, "R2", CTK_02_2023, "ctkls-20230200-ktxh-thang-02-2023#3", "growth_pct", 35.11, 35.105, 35.115, ("2023-02-01", "2023-02-28")),
    (F, "R5", CTK_08_2023, "ctkls-20230827-ktxh-thang-8-2023#1", "level", 2667.8, 2667.75, 2667.85, ("2023-08-01", "2023-08-31")),
    (F, "R7", CTK_11_2023, "ctkls-20231128-ktxh-thang-11-2023#1", "growth_pct", -0.26, -0.265, -0.255, ("2023-11-01", "2023-11-30")),
    (F, "R7", CTK_11_2023, "ctkls-20231128-ktxh-thang-11-2023#2", "growth_pct", 0.65, 0.645, 0.655, ("2023-11-01", "2023-11-30")),
    (F, "R7", CTK_11_2023, "ctkls-20231128-ktxh-thang-11-2023#3", "growth_pct", 6.34, 6.335, 6.345, ("2023-11-01", "2023-11-30")),
    (F, "R7", CTK_11_2023, "ctkls-20231128-ktxh-thang-11-2023#4", "growth_pct", 1.74, 1.735, 1.745, ("2023-01-01", "2023-11-30")),
    (F, "I1", CTK_Q1_2022, "ctkls-20220327-ktxh-quy-i-2022#1", "growth_pct", 6.40, 6.395, 6.405, ("2022-01-01", "2022-03-31")),
    (F, "T4", CAFEF, "cafef-20240000-border-province-expressways#1", "level", 3_900_000, 3_850_000, 3_950_000, Y23),
    (F, "T5", CAFEF, "cafef-20240000-border-province-expressways#2", "level", 3100, 3100, NAN, Y23),
    (F, "D1", BLS_DTI, "baolangson-20211000-dti-2020-rank-16#1", "rank", 16, 15.5, 16.5, Y20),
    (F, "D1", BLS_DTI, "baolangson-20211000-dti-2020-rank-16#2", "rank", 8, 7.5, 8.5, Y20),
    (F, "D1", BLS_DTI, "baolangson-20211000-dti-2020-rank-16#3", "rank", 18, 17.5, 18.5, Y20),
    (F, "D1", BLS_DTI, "baolangson-20211000-dti-2020-rank-16#4", "rank", 24, 23.5, 24.5, Y20),
    (F, "K3", TUOITRE, "tuoitrenews-20211219-fruit-trucks-stranded#1", "level", 4800, 4750, 4850, ("2021-12-18", "2021-12-18")),
    (D, "R6", BLS_PCI, "baolangson-20230411-pci-2022#1", "level", 67.88, 67.875, 67.885, Y22),
    (D, "R6", BLS_PCI, "baolangson-20230411-pci-2022#2", "rank", 15, 14.5, 15.5, Y22),
    # "tăng 21 bậc": up 21 places, so the rank number fell by 21
    (D, "R6", BLS_PCI, "baolangson-20230411-pci-2022#3", "change_abs", -21, -21.5, -20.5, Y22),
    (D, "R6", BLS_PCI, "baolangson-20230411-pci-2022#4", "rank", 5, 4.5, 5.5, Y22),
    (D, "S4", VP_FEB_2022, "vanphong-20220300-centre-feb-2022#2", "level", 5857, 5856.5, 5857.5, ("2022-02-01", "2022-02-28")),
    (D, "S4", VP_FEB_2022, "vanphong-20220300-centre-feb-2022#3", "level", 4009, 4008.5, 4009.5, ("2022-02-01", "2022-02-28")),
    (D, "S4", VP_FEB_2022, "vanphong-20220300-centre-feb-2022#4", "share_pct", 68.45, 68.445, 68.455, ("2022-02-01", "2022-02-28")),
    (D, "S4", VP_FEB_2022, "vanphong-20220300-centre-feb-2022#6", "share_pct", 31.21, 31.205, 31.215, ("2022-02-01", "2022-02-28")),
    (D, "S4", VP_FEB_2022, "vanphong-20220300-centre-feb-2022#7", "share_pct", 95.71, 95.705, 95.715, ("2022-02-01", "2022-02-28")),
    (D, "S1", LS_EN_2020, "langsongov-20200500-online-services-30pct#1", "level", 7520, 7515, 7525, ("2020-01-01", "2020-03-31")),
    (D, "S1", LS_EN_2020, "langsongov-20200500-online-services-30pct#3", "share_pct", 19.26, 19.255, 19.265, ("2020-01-01", "2020-03-31")),
    (D, "S1", LS_EN_2020, "langsongov-20200500-online-services-30pct#5", "share_pct", 79.55, 79.545, 79.555, ("2020-01-01", "2020-03-31")),
    (D, "C7", THANHNIEN, "thanhnien-20210803-vero-cell-border#1", "level", 96516, 96515.5, 96516.5, ("2021-08-02", "2021-08-02")),
    (D, "C7", THANHNIEN, "thanhnien-20210803-vero-cell-border#2", "level", 10000, 10000, NAN, ("2021-08-02", "2021-08-02")),
]


@pytest.fixture(scope="module")
def processed():
    return lso.load_observations(province=None, include_targets=True, include_low=True).set_index("obs_id")


@pytest.fixture(scope="module")
def urls():
    return lso.load_sources().set_index("source_id")["url"]


def test_more_than_sixty_rows_are_checked():
    assert len(ROWS) >= 60 and len({r[3] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("file, row_id, url, obs_id, measure, value, low, high, period", ROWS,
                         ids=[f"{r[1]}-{r[3]}" for r in ROWS])
def test_hand_checked_against_the_research_notes(processed, urls, file, row_id, url, obs_id, measure, value, low, high, period):
    source_id = obs_id.split("#")[0]
    assert url_key(urls[source_id]) == url_key(url), f"{obs_id} is not from the page {file} {row_id} cites"
    row = processed.loc[obs_id]
    assert row["measure"] == measure
    assert row["value"] == pytest.approx(value, rel=1e-9)
    assert row["value_low"] == pytest.approx(low, rel=1e-9, nan_ok=True)
    assert row["value_high"] == pytest.approx(high, rel=1e-9, nan_ok=True)
    assert (row["period_start"], row["period_end"]) == (pd.Timestamp(period[0]), pd.Timestamp(period[1]))
