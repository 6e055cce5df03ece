/// The long help of `chainrisk scenario`: what a shock is, how countries inside regions are scaled, examples.
let scenarioDiscussion = """
    A shock is (countries or table regions, sectors or HS products, capacity loss, start day, weeks at the full \
    loss, recovery shape). Give it as a catalogue event (--event 2 = the 2018 Taiwan earthquake; `chainrisk \
    events` lists them), as --shock REGIONS[:SECTORS]:LOSS:WEEKS (regions joined by +, sectors by commas, \
    ranges such as c3-c16, HS products as hs8542), or as a JSON file (--file; see the README). \
    A country inside an aggregate region of the table (Taiwan in the 11-region WIOD table's ASIAPAC_OTH) is \
    scaled to its share of the region's output of each sector, from the region map and the full table's gross \
    output found beside --mrio (…_region_map.csv and one *_full_x.csv) or given with --region-map and \
    --country-output.
    The static models take the shock as lost capacity (hypothetical extraction: the direct loss, then what \
    suppliers lose upstream or buyers downstream); --demand takes it as lost final demand (leontief, iim). \
    ario reruns with one assumption changed at a time and reports the low-central-high range (--no-band: \
    the central run only); --compare puts every model beside the direct loss.
    Examples (T is ../shared/data/wiod2013/wiod2013_2011_nld11_Z.csv):
      chainrisk scenario --mrio T --event 2 --model ario
      chainrisk scenario --mrio T --shock TWN:c14:0.5:8 \\
        --recovery linear --recovery-days 28 --model iim
      chainrisk scenario --mrio T --shock CHN:0.5:8 --compare
      chainrisk scenario --model direct --dataset nld_imports --event 2
      chainrisk scenario --mrio T --model ario --series --format csv \\
        --file docs/examples/taiwan-electronics.json
    """
