/**
 * Built-in rate cards, newest last. Every number comes from RULES.md (ids in the comments);
 * a later platform table is a new entry here, never an edit of an old one.
 */
import type { RateCard } from './schema';

export const STANDARD_2024: RateCard = {
  card: { id: '2024-standard', effective: '2024-06-01', source: 'RULES.md (seeds 000 Small Gifts, 004 Offline Express)' },
  gift: {
    tiers: {
      mature: { fee: 3.2, countries: ['US', 'FR', 'DE'] }, // [G-FEE]
      emerging: { fee: 2.6, countries: ['BR', 'SA', 'PL'] }, // [G-FEE]
      'long-tail': { fee: 3.8, countries: ['RU', 'MX'] }, // [G-FEE]
    },
    overweightAboveG: 50, // [G-OVERWEIGHT]
    overweightSurcharge: 0.8, // [G-OVERWEIGHT]
    nfeCountries: ['BR'], // [G-NFE]
    nfeSurcharge: 1.5, // [G-NFE]
    codCountries: ['EG', 'PK'], // [G-COD]
    confirmHours: 48, // [G-CONFIRM]
    freezeAfterFailures: 3, // [G-CONFIRM]
    labelPrefix: 'SG', // [G-LABEL]
    minStoreLevel: 3, // [G-ELIGIBLE] L3
    minPositiveRate: 0.95, // [G-ELIGIBLE]
    maxDisputeRate: 0.005, // [G-ELIGIBLE]
    conversionUplift: 0.187, // [G-ROI]
    repeatRate: 0, // FUNCTIONS.md ROI default
    repeatUplift: 0.234, // [G-ROI]
    cpc: 15.6, // [G-ROI] off-site CPC average, CNY
    reviewMarks: ['NOT FOR SALE', 'logo'], // [G-REVIEW] package front: NOT FOR SALE and the brand logo
    reviewDocuments: ['photo', 'material', 'non-infringement statement'], // [G-REVIEW]
    reviewGroups: {
      // [G-REVIEW] electronics need a CE or FCC mark (FUNCTIONS.md: 3C, 手机配件, 数码, electronics)
      electronics: {
        categories: ['3C', '数码', '手机配件', '电子', 'electronics', 'electronic', 'phone accessories', 'phone accessory', 'mobile accessories', 'consumer electronics', 'digital'],
        marks: ['CE / FCC'],
        documents: [],
      },
      // [G-REVIEW] food and cosmetics need a filing number or an MSDS (FUNCTIONS.md: 美妆, 化妆品, 护肤, 食品, beauty, cosmetics, food)
      'food-cosmetics': {
        categories: ['美妆', '化妆品', '护肤', '彩妆', '个护', '食品', '零食', 'beauty', 'cosmetics', 'cosmetic', 'makeup', 'skincare', 'skin care', 'food', 'snack'],
        marks: [],
        documents: ['filing number / MSDS'],
      },
    },
  },
  express: {
    uploadHours: 24, // [X-UPLOAD]
    firstScanHours: 48, // [X-FIRSTSCAN]
    firstScanFrom: 'payment', // [X-FIRSTSCAN] interpretation
    minEvents: 7, // [X-NODES]
    requiredNodes: ['placed', 'picked_up', 'export_customs', 'import_customs', 'out_for_delivery', 'delivered'], // [X-NODES]
    penaltyUpload: 0.5, // [X-PEN-UPLOAD]
    stallHours: 48, // [X-PEN-STALL]
    penaltyStall: 1.2, // [X-PEN-STALL]
    timeoutDays: 30, // [X-PEN-TIMEOUT]
    timeoutRate: 0.05, // [X-PEN-TIMEOUT]
    timeoutCap: 50, // [X-PEN-TIMEOUT]
    docs: {
      RU: ['commercial invoice', 'INN'], // [X-DOCS]
      BR: ['commercial invoice', 'CNPJ/CPF'],
      MX: ['commercial invoice', 'RFC'],
    },
    blocked: ['KP', 'SY'], // [X-BLOCKED]
    kaMonthlyGmv: 50_000, // [X-ELIGIBLE]
    kaFulfilmentRate: 0.95,
    kaMonths: 3,
    onboardLicenceMonths: 6, // [X-ONBOARD] licence valid for more than 6 months
    onboardTrails: 5, // [X-ONBOARD] complete delivered trails with one carrier…
    onboardTrailMonths: 3, // [X-ONBOARD] …in the last 3 months
    onboardStatusReturns: 5, // [X-ONBOARD] consecutive successful status returns
    onboardRefused: ['sole_proprietor'], // [X-ONBOARD] sole proprietors are not eligible
    onboardNotarised: ['hk_macao_taiwan', 'overseas'], // [X-ONBOARD] add notarised and authenticated documents
    standardLossCap: 100, // [X-COMPARE] Standard compensates a lost parcel up to $100
    standardFirstOrderSubsidy: 2, // [X-COMPARE] $2 first-order subsidy for new merchants
  },
};

export const BUILTIN_CARDS: readonly RateCard[] = [STANDARD_2024];
