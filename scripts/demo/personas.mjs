// The demo's residents, seeded by `npm start` as cards at the portal's counter. Synthetic people with made-up
// street addresses in real municipalities (their real JIS X 0402 codes, check digit included). TEST ONLY:
// the PINs are printed on purpose.

/** 総務 花子, the seed persona every part of the sandbox agrees on (jpki-core's HANAKO, JPKI.md). */
export const HANAKO_ID = "hanako";

/** @typedef {{ persona: "hanako" | Record<string, unknown>, label: string, userAuthPin: string, signingPin?: string, note: string }} DemoResident */

/** @type {DemoResident[]} */
export const DEMO_RESIDENTS = [
  {
    persona: "hanako",
    label: "総務 花子 (Sōmu Hanako)",
    userAuthPin: "1234",
    signingPin: "HANAKO2010",
    note: "the walkthrough's persona",
  },
  {
    persona: {
      id: "yamada-taro",
      name: "山田\u3000太郎",
      sex: "male",
      dateOfBirth: "1985-07-15",
      address: "大阪府大阪市中央区本町二丁目３番４号",
      prefecture: "大阪府",
      city: "大阪市",
      prefectureRomaji: "Osaka-fu",
      cityRomaji: "Osaka-shi",
      localGovernmentCode: "271004",
    },
    label: "山田 太郎 (Yamada Tarō)",
    userAuthPin: "5678",
    signingPin: "TARO1985",
    note: "a second adult, for a second account",
  },
  {
    persona: {
      id: "sato-yui",
      name: "佐藤\u3000結衣",
      sex: "female",
      dateOfBirth: "1998-11-02",
      address: "福岡県福岡市中央区港町一丁目２番３号",
      prefecture: "福岡県",
      city: "福岡市",
      prefectureRomaji: "Fukuoka-ken",
      cityRomaji: "Fukuoka-shi",
      localGovernmentCode: "401307",
    },
    label: "佐藤 結衣 (Satō Yui)",
    userAuthPin: "2468",
    signingPin: "YUI1998",
    note: "for life events (move, loss, renewal) without touching 花子",
  },
  {
    persona: {
      id: "suzuki-sota",
      name: "鈴木\u3000蒼太",
      sex: "male",
      dateOfBirth: "2016-05-05",
      address: "北海道札幌市中央区桜台三丁目４番５号",
      prefecture: "北海道",
      city: "札幌市",
      prefectureRomaji: "Hokkaido",
      cityRomaji: "Sapporo-shi",
      localGovernmentCode: "011002",
    },
    label: "鈴木 蒼太 (Suzuki Sōta)",
    userAuthPin: "1357",
    note: "under 15: a user-authentication certificate (R) only, so no account opening",
  },
];
