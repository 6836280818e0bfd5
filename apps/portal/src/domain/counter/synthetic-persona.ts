/**
 * Synthetic residents for the counter's "generate" button: plausible Japanese names, birth dates and
 * addresses in real municipalities (with their real local government codes, JIS X 0402), built from small
 * tables — never a real person (JPKI.md "Personas"). Street numbers are full-width, as on the register.
 */
import { randomInt } from "node:crypto";
import { parsePersona, type Persona } from "@jpki-sandbox/jpki-core";

interface Municipality {
  prefecture: string;
  prefectureRomaji: string;
  city: string;
  cityRomaji: string;
  /** The 5-digit municipality code; the check digit is computed. */
  code: string;
}

const MUNICIPALITIES: readonly Municipality[] = [
  { prefecture: "東京都", prefectureRomaji: "Tokyo-to", city: "千代田区", cityRomaji: "Chiyoda-ku", code: "13101" },
  { prefecture: "東京都", prefectureRomaji: "Tokyo-to", city: "新宿区", cityRomaji: "Shinjuku-ku", code: "13104" },
  { prefecture: "東京都", prefectureRomaji: "Tokyo-to", city: "世田谷区", cityRomaji: "Setagaya-ku", code: "13112" },
  { prefecture: "東京都", prefectureRomaji: "Tokyo-to", city: "渋谷区", cityRomaji: "Shibuya-ku", code: "13113" },
  { prefecture: "北海道", prefectureRomaji: "Hokkaido", city: "札幌市", cityRomaji: "Sapporo-shi", code: "01100" },
  { prefecture: "宮城県", prefectureRomaji: "Miyagi-ken", city: "仙台市", cityRomaji: "Sendai-shi", code: "04100" },
  { prefecture: "神奈川県", prefectureRomaji: "Kanagawa-ken", city: "横浜市", cityRomaji: "Yokohama-shi", code: "14100" },
  { prefecture: "石川県", prefectureRomaji: "Ishikawa-ken", city: "金沢市", cityRomaji: "Kanazawa-shi", code: "17201" },
  { prefecture: "愛知県", prefectureRomaji: "Aichi-ken", city: "名古屋市", cityRomaji: "Nagoya-shi", code: "23100" },
  { prefecture: "京都府", prefectureRomaji: "Kyoto-fu", city: "京都市", cityRomaji: "Kyoto-shi", code: "26100" },
  { prefecture: "大阪府", prefectureRomaji: "Osaka-fu", city: "大阪市", cityRomaji: "Osaka-shi", code: "27100" },
  { prefecture: "広島県", prefectureRomaji: "Hiroshima-ken", city: "広島市", cityRomaji: "Hiroshima-shi", code: "34100" },
  { prefecture: "福岡県", prefectureRomaji: "Fukuoka-ken", city: "福岡市", cityRomaji: "Fukuoka-shi", code: "40130" },
  { prefecture: "沖縄県", prefectureRomaji: "Okinawa-ken", city: "那覇市", cityRomaji: "Naha-shi", code: "47201" },
];

const FAMILY_NAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"];
const GIVEN_NAMES: Record<"male" | "female", readonly string[]> = {
  female: ["陽菜", "結衣", "葵", "さくら", "美咲", "愛", "優子", "真由美", "恵子", "凛"],
  male: ["翔太", "蓮", "大翔", "悠真", "健太", "太郎", "誠", "浩", "大輔", "拓也"],
};
const TOWNS = ["本町", "中央", "緑町", "桜台", "旭町", "栄町", "若葉", "港町", "松が丘", "青葉台"];
const FULL_WIDTH_DIGITS = "０１２３４５６７８９";
const KANJI_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** JIS X 0402 check digit: 11 − (Σ digit × weight 6,5,4,3,2) mod 11, last digit. */
export function localGovernmentCode(fiveDigits: string): string {
  const sum = [...fiveDigits].reduce((total, digit, index) => total + Number(digit) * (6 - index), 0);
  return `${fiveDigits}${(11 - (sum % 11)) % 10}`;
}

function pick<T>(items: readonly T[], random: (max: number) => number): T {
  return items[random(items.length)] as T;
}

function fullWidth(n: number): string {
  return [...String(n)].map((digit) => FULL_WIDTH_DIGITS[Number(digit)]).join("");
}

/** `random(max)` returns an integer in [0, max); tests pass a deterministic one. */
export function syntheticPersona(random: (max: number) => number = (max) => randomInt(max)): Persona {
  const sex = random(50) === 0 ? "unspecified" : random(2) === 0 ? "female" : "male";
  const given = pick(GIVEN_NAMES[sex === "unspecified" ? (random(2) === 0 ? "female" : "male") : sex], random);
  const place = pick(MUNICIPALITIES, random);
  const year = 1940 + random(76);
  const month = 1 + random(12);
  const day = 1 + random(28);
  const street = `${pick(TOWNS, random)}${pick(KANJI_NUMBERS, random)}丁目${fullWidth(1 + random(30))}番${fullWidth(1 + random(20))}号`;
  return parsePersona({
    id: `synthetic-${random(36 ** 6).toString(36).padStart(6, "0")}`,
    name: `${pick(FAMILY_NAMES, random)}\u3000${given}`,
    sex,
    dateOfBirth: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    address: `${place.prefecture}${place.city}${street}`,
    prefecture: place.prefecture,
    city: place.city,
    prefectureRomaji: place.prefectureRomaji,
    cityRomaji: place.cityRomaji,
    localGovernmentCode: localGovernmentCode(place.code),
  });
}
