// Set-based SQL that fills the service-history benchmark database. Every value derives from
// hashes of row numbers, never from random(), so each build produces the same records and the
// same ids. The statements follow the schema that the project's migrations create.

/** Volumes of the generated data, on top of the real excavator history. */
export const HISTORY_VOLUME = {
  customers: 2_000,
  sitesPerCustomer: 3,
  units: 20_000,
  /** Customers BC-0001 to BC-0020 own 200 units each; the rest spread over the others. */
  largeFleets: 20,
  largeFleetUnits: 200,
  repairOrders: 1_000_000,
  /** Orders are inserted this many per statement, and the generator logs progress after each. */
  orderChunk: 100_000,
} as const;

/** Prefix of every generated order number, used to tell generated orders from imported ones. */
export const ORDER_NUMBER_PREFIX = 'BR-';

/** Builds a SQL expression for a deterministic integer in [0, n) from a text seed. */
function pick(seed: string, n: number): string {
  return `(abs(hashtext(${seed})::bigint) % ${n})`;
}

/** Builds a SQL expression for a deterministic UUID from a text seed. */
function uuidOf(seed: string): string {
  return `md5(${seed})::uuid`;
}

/** Builds a SQL array literal of strings. */
function textArray(values: readonly string[]): string {
  return `array[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ')}]::text[]`;
}

// The manufacturer is made up. The model codes follow common industry naming: ZJ70 for a
// 7,000 m rig, F-1600 for a 1,600 hp triplex pump, 2FZ35-70 for a double-ram BOP.
const MODELS: readonly (readonly [string, string, string, string])[] = [
  ['ZJ70DBS', 'DRILLING_RIG', '7,000 m AC VFD land rig', 'Derrick, drawworks, brakes, rotary'],
  ['ZJ50DB', 'DRILLING_RIG', '5,000 m DC land rig', 'Derrick, drawworks, brakes, rotary'],
  ['ZJ90DBS', 'DRILLING_RIG', '9,000 m AC VFD land rig', 'Derrick, drawworks, brakes, rotary'],
  ['F-1600', 'MUD_PUMP', '1,600 hp triplex mud pump', 'Fluid end, liners, pistons, valves'],
  ['F-1300', 'MUD_PUMP', '1,300 hp triplex mud pump', 'Fluid end, liners, pistons, valves'],
  ['F-2200HL', 'MUD_PUMP', '2,200 hp high-pressure mud pump', 'Fluid end, liners, valves'],
  ['DQ70BSC', 'TOP_DRIVE', '450 t AC top drive', 'Gearbox, wash pipe, pipe handler'],
  ['DQ50BQ', 'TOP_DRIVE', '315 t AC top drive', 'Gearbox, wash pipe, pipe handler'],
  ['DQ90BSD', 'TOP_DRIVE', '675 t AC top drive', 'Gearbox, wash pipe, pipe handler'],
  ['2FZ35-70', 'BLOWOUT_PREVENTER', 'Double ram BOP, 70 MPa', 'Rams, seals, bonnets'],
  ['FH35-35', 'BLOWOUT_PREVENTER', 'Annular BOP, 35 MPa', 'Packing element, seals'],
  ['FKQ800-7', 'BLOWOUT_PREVENTER', 'BOP control unit', 'Accumulators, manifold'],
  ['SYL2500Q', 'FRACTURING_UNIT', '2,500 hp frac unit', 'Fluid end, power end, engine'],
  ['SYL3000Q', 'FRACTURING_UNIT', '3,000 hp frac unit', 'Fluid end, power end, engine'],
  ['E-FRAC5000', 'FRACTURING_UNIT', '5,000 hp electric frac unit', 'Fluid end, motor, VFD'],
  ['GJC40-17', 'CEMENTING_UNIT', 'Twin-pump cementing unit', 'Pumps, mixer, engine'],
  ['DTY-12/250', 'COMPRESSOR', 'Booster air compressor', 'Valves, piston rings, coolers'],
  ['RTY-600', 'COMPRESSOR', 'Natural gas compressor', 'Valves, piston rings, coolers'],
  ['QYDB-400', 'ELECTRIC_SUBMERSIBLE_PUMP', '400 series ESP', 'Pump stages, motor, seal'],
  ['KQ65-70', 'WELLHEAD', '70 MPa christmas tree', 'Gate valves, chokes'],
];

const MANUFACTURER = 'Bench Oilfield Machinery (synthetic)';

const REGIONS = [
  'Daqing',
  'Tarim Basin',
  'Ordos Basin',
  'Sichuan Basin',
  'Bohai Bay',
  'Permian Basin',
  'North Sea',
  'Arabian Gulf',
];

const CUSTOMER_KINDS = ['OPERATOR', 'DRILLING_CONTRACTOR', 'SERVICE_COMPANY', 'DISTRIBUTOR'];
const SITE_KINDS = ['WELL_SITE', 'RIG', 'BASE', 'YARD', 'PLANT'];
const CHANNELS = ['PHONE', 'EMAIL', 'ONLINE', 'ON_SITE'];
const ORDER_TYPES = ['CORRECTIVE_REPAIR', 'PART_REPLACEMENT', 'INSPECTION', 'OTHER'];
const URGENCIES = ['NORMAL', 'NORMAL', 'NORMAL', 'URGENT', 'EMERGENCY'];
const OPEN_STATES = ['REPORTED', 'DISPATCHED', 'ON_SITE', 'DIAGNOSED', 'IN_REPAIR'];

// One fault per row: system, part, failure mode and the text a customer would report.
const FAULTS: readonly (readonly [string, string, string, string])[] = [
  ['Fluid End', 'Valve_Seat', 'Washout', 'Valve seat washed out, pump pressure fluctuating'],
  ['Fluid End', 'Liner', 'Wear', 'Liner worn, mud leaking past piston'],
  ['Fluid End', 'Piston', 'Wear', 'Piston rubber worn, discharge pressure dropping'],
  ['Power End', 'Crosshead', 'Knock', 'Knocking from crosshead at high stroke rate'],
  ['Power End', 'Bearing', 'Overheat', 'Main bearing temperature above 85 °C'],
  ['Hydraulic System', 'Hose', 'Leak', 'Hydraulic hose leaking at fitting'],
  ['Hydraulic System', 'Pump', 'Low Pressure', 'Hydraulic pump cannot hold pressure'],
  ['Electrical', 'VFD', 'Fault', 'VFD trips on overcurrent under load'],
  ['Electrical', 'Motor', 'Overheat', 'Drive motor overheating, winding alarm'],
  ['Gearbox', 'Gear', 'Noise', 'Abnormal gearbox noise and vibration'],
  ['Gearbox', 'Seal', 'Leak', 'Gear oil leaking from output shaft seal'],
  ['Wash Pipe', 'Packing', 'Leak', 'Wash pipe packing leaking mud'],
  ['Drawworks', 'Brake', 'Wear', 'Brake band worn, braking distance too long'],
  ['Rams', 'Ram Seal', 'Leak', 'Ram seal fails pressure test'],
  ['Control', 'Accumulator', 'Low Pressure', 'Accumulator pre-charge below limit'],
  ['Engine', 'Injector', 'Fault', 'Engine misfiring, injector suspected'],
  ['Compressor', 'Valve', 'Leak', 'Discharge valve leaking, capacity reduced'],
  ['Downhole', 'Pump Stage', 'Wear', 'ESP output falling, stages worn'],
  ['Wellhead', 'Gate Valve', 'Leak', 'Gate valve stem leaking'],
  ['Structure', 'Derrick', 'Crack', 'Crack found at derrick leg weld'],
];

/** Statements that fill customers, sites, models and units. */
export function masterDataStatements(): string[] {
  const volume = HISTORY_VOLUME;
  const models = MODELS.map(
    ([code, category, name, items], index) =>
      `(${uuidOf(`'bench-model-${index}'`)}, now(), now(), 1, '${MANUFACTURER}', '${code}', ` +
      `'${name.replace(/'/g, "''")}', '${category}', 'SM-${code}', ` +
      `'${JSON.stringify(items.split(', '))}'::jsonb)`,
  );
  const smallFleetCustomers = volume.customers - volume.largeFleets;
  return [
    `insert into equipment_model (id, created_at, updated_at, version, manufacturer, model_code,
       name, category, service_manual_ref, maintenance_items)
     values ${models.join(',\n')}`,

    `insert into customer (id, created_at, updated_at, version, code, name, kind, region, address,
       contacts, notes, is_synthetic)
     select ${uuidOf(`'bench-customer-' || c`)}, timestamptz '2014-01-01' + c * interval '1 hour',
       timestamptz '2014-01-01' + c * interval '1 hour', 1,
       'BC-' || lpad(c::text, 4, '0'), 'Bench customer ' || lpad(c::text, 4, '0') || ' (synthetic)',
       (${textArray(CUSTOMER_KINDS)})[1 + ${pick(`'kind' || c`, CUSTOMER_KINDS.length)}],
       (${textArray(REGIONS)})[1 + ${pick(`'region' || c`, REGIONS.length)}],
       null, jsonb_build_array(jsonb_build_object('name', 'Contact ' || c, 'role', 'Rig manager',
         'phone', '+1 555 ' || lpad(c::text, 4, '0'), 'email', 'ops' || c || '@customer.example')),
       'Generated for the service-history benchmark.', true
     from generate_series(1, ${volume.customers}) as c`,

    `insert into site (id, created_at, updated_at, version, customer_id, name, kind, region,
       latitude, longitude, time_zone)
     select ${uuidOf(`'bench-site-' || c || '-' || s`)}, now(), now(), 1,
       ${uuidOf(`'bench-customer-' || c`)}, 'Site ' || s || ' of BC-' || lpad(c::text, 4, '0'),
       (${textArray(SITE_KINDS)})[1 + ${pick(`'sitekind' || c || s`, SITE_KINDS.length)}],
       (${textArray(REGIONS)})[1 + ${pick(`'region' || c`, REGIONS.length)}],
       20 + ${pick(`'lat' || c || s`, 4000)} / 100.0, 40 + ${pick(`'lon' || c || s`, 8000)} / 100.0,
       'UTC'
     from generate_series(1, ${volume.customers}) as c,
       generate_series(1, ${volume.sitesPerCustomer}) as s`,

    // Unit u belongs to a large fleet for u <= largeFleets * largeFleetUnits, else to a small one.
    `insert into equipment (id, created_at, updated_at, version, serial_number, model_id,
       customer_id, site_id, parent_id, commissioned_on, warranty_ends_on, status, running_hours,
       meter_readings, is_synthetic)
     select ${uuidOf(`'bench-unit-' || u`)}, now(), now(), 1, 'BU-' || lpad(u::text, 6, '0'),
       ${uuidOf(`'bench-model-' || ${pick(`'model' || u`, MODELS.length)}`)},
       ${uuidOf(`'bench-customer-' || owner.c`)},
       ${uuidOf(`'bench-site-' || owner.c || '-' || (1 + ${pick(`'site' || u`, volume.sitesPerCustomer)})`)},
       null, commissioned, commissioned + interval '2 years',
       case when ${pick(`'status' || u`, 20)} = 0 then 'UNDER_REPAIR' else 'IN_SERVICE' end,
       ${pick(`'hours' || u`, 600000)} / 10.0, '[]'::jsonb, true
     from generate_series(1, ${volume.units}) as u,
       lateral (select case when u <= ${volume.largeFleets * volume.largeFleetUnits}
         then 1 + (u - 1) / ${volume.largeFleetUnits}
         else ${volume.largeFleets + 1} + (u - 1) % ${smallFleetCustomers} end as c) as owner,
       lateral (select (date '2008-01-01' + ${pick(`'commissioned' || u`, 5000)}::int)
         as commissioned) as dates`,
  ];
}

/**
 * Inserts generated orders `from` to `to` (inclusive). Each order picks a unit by hash, so units
 * get about 50 orders each with some spread, reported between 2015 and November 2026.
 */
export function repairOrderChunkStatement(from: number, to: number): string {
  const span = "extract(epoch from timestamptz '2026-11-30' - timestamptz '2015-01-01')::bigint";
  return `insert into repair_order (id, created_at, updated_at, version, number, equipment_id,
       customer_id, reported_at, channel, fault_description, order_type, source_order_type,
       cost_amount, cost_currency, status, tag_system, tag_part, tag_failure_mode, is_historical,
       external_ref, closed_at, urgency, location, diagnosis_phenomenon, diagnosis_cause,
       diagnosis_component, diagnosis_method, diagnosed_at, completed_at)
     select ${uuidOf(`'bench-order-' || o`)}, reported, coalesce(closed, reported), 1,
       '${ORDER_NUMBER_PREFIX}' || lpad(o::text, 7, '0'), unit.id, unit.customer_id, reported,
       (${textArray(CHANNELS)})[1 + ${pick(`'channel' || o`, CHANNELS.length)}],
       (${textArray(FAULTS.map((fault) => fault[3]))})[1 + fault.f],
       (${textArray(ORDER_TYPES)})[1 + ${pick(`'type' || o`, ORDER_TYPES.length)}], null,
       (100 + ${pick(`'cost' || o`, 4_990_000)}) / 100.0, 'USD',
       case when closed is null
         then (${textArray(OPEN_STATES)})[1 + ${pick(`'state' || o`, OPEN_STATES.length)}]
         else 'CLOSED' end,
       (${textArray(FAULTS.map((fault) => fault[0]))})[1 + fault.f],
       (${textArray(FAULTS.map((fault) => fault[1]))})[1 + fault.f],
       (${textArray(FAULTS.map((fault) => fault[2]))})[1 + fault.f],
       false, null, closed,
       (${textArray(URGENCIES)})[1 + ${pick(`'urgency' || o`, URGENCIES.length)}],
       'Site of ' || unit.serial_number,
       case when closed is not null then (${textArray(FAULTS.map((fault) => fault[3]))})[1 + fault.f] end,
       case when closed is not null then 'Wear beyond service limit' end,
       case when closed is not null then (${textArray(FAULTS.map((fault) => fault[1]))})[1 + fault.f] end,
       case when closed is not null then 'Inspection and pressure test' end,
       case when closed is not null then reported + interval '1 day' end,
       closed
     from generate_series(${from}, ${to}) as o
       join lateral (select 1 + ${pick(`'unit' || o`, HISTORY_VOLUME.units)} as u) as pick_unit on true
       join equipment unit on unit.serial_number = 'BU-' || lpad(pick_unit.u::text, 6, '0')
       cross join lateral (select ${pick(`'fault' || o`, FAULTS.length)} as f) as fault
       cross join lateral (select timestamptz '2015-01-01'
         + (abs(hashtext('reported' || o)::bigint) % ${span}) * interval '1 second' as reported)
         as times
       cross join lateral (select case
         when reported < timestamptz '2026-10-01' or ${pick(`'open' || o`, 4)} = 0
         then reported + (1 + ${pick(`'days' || o`, 30)}) * interval '1 day' end as closed)
         as closing`;
}
